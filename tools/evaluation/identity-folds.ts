// Cross-validation folds split by identity: every image of a person lands in the same fold, so a
// fusion weight or threshold fitted on the training folds has never seen the held-out people
// (splitting by image would leak each person's other photos into training).

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same folds on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold (0..folds-1) of each distinct identity: sorted, shuffled with `seed`, dealt round-robin,
 *  so fold sizes differ by at most one identity. */
export function assignIdentityFolds(
  identities: readonly string[],
  folds: number,
  seed = 1,
): Map<string, number> {
  const distinct = [...new Set(identities)].sort();
  if (!Number.isInteger(folds) || folds < 2 || folds > distinct.length) {
    throw new RangeError(
      `need 2..${distinct.length} folds (one identity each at least), got ${folds}`,
    );
  }
  const random = seededRandom(seed);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j] as string, distinct[i] as string];
  }
  return new Map(distinct.map((id, i) => [id, i % folds]));
}
