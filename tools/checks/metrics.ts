// ROC AUC and error rates at a threshold for the attribute checks, plus stratified k-fold splits.
import { seededRandom } from '../../src-shared/seeded-random';

/** ROC AUC by the rank-sum (Mann-Whitney) statistic; ties count one half. */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [
    ...positives.map((v) => ({ v, pos: true })),
    ...negatives.map((v) => ({ v, pos: false })),
  ].sort((a, b) => a.v - b.v);
  let rankSumPos = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.v === all[i]?.v) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (all[k]?.pos === true) rankSumPos += avgRank;
    i = j + 1;
  }
  const nP = positives.length;
  const nN = negatives.length;
  return (rankSumPos - (nP * (nP + 1)) / 2) / (nP * nN);
}

/** Share of `scores` that `flagged` marks. */
export function rate(scores: readonly number[], flagged: (s: number) => boolean): number {
  if (scores.length === 0) return Number.NaN;
  return scores.filter(flagged).length / scores.length;
}

/** Stratified k-fold: each class shuffled with the seed, then dealt round-robin to folds.
 *  Returns the fold index of every sample. */
export function stratifiedFolds(labels: readonly boolean[], k: number, seed: number): number[] {
  const rand = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  for (const cls of [true, false]) {
    const idx = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = idx[i] ?? 0;
      idx[i] = idx[j] ?? 0;
      idx[j] = t;
    }
    idx.forEach((sample, n) => {
      folds[sample] = n % k;
    });
  }
  return folds;
}
