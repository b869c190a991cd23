// 1 - cosine similarity: the usual way to compare descriptors whose length carries no identity
// (faceres' 1024-D pooled features are not normalised; face-api's 128-D descriptor is compared
// with the Euclidean distance instead, see match/descriptor-distance.ts).
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`descriptor lengths differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  // A zero descriptor is as far from everything as cosine allows (no direction to compare).
  if (na === 0 || nb === 0) return 1;
  return 1 - dot / Math.sqrt(na * nb);
}
