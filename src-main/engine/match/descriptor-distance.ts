// Comparison of descriptors: Euclidean distance, as dlib's metric network was trained for.
// Against several templates of one person the closest one counts (any good reference suffices).
export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new Error(`descriptor lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export function closestDistance(
  probe: ArrayLike<number>,
  references: readonly ArrayLike<number>[],
): number {
  if (references.length === 0) throw new Error('no reference descriptors');
  return Math.min(...references.map((r) => euclidean(probe, r)));
}
