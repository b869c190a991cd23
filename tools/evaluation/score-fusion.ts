// Score-level fusion of two matchers' distances (lower = more similar): each distance is
// z-normalised with the mean and standard deviation of its matcher's IMPOSTOR distances on the
// training pairs (the usual per-matcher normalisation: both land on "standard deviations below a
// typical stranger"), then combined as w·zA + (1-w)·zB. Thresholds are distances: a pair is
// accepted when its distance is strictly below the threshold.
import type { SplitDistances } from './pair-table';

export interface ZNorm {
  mean: number;
  std: number;
}

export function fitZNorm(impostor: ArrayLike<number>): ZNorm {
  const n = impostor.length;
  if (n < 2) throw new RangeError(`z-normalisation needs 2 impostor distances, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += impostor[i] ?? 0;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((impostor[i] ?? 0) - mean) ** 2;
  const std = Math.sqrt(squares / (n - 1));
  if (!(std > 0)) throw new RangeError('impostor distances have no spread: cannot z-normalise');
  return { mean, std };
}

export const zScore = (distance: number, norm: ZNorm): number => (distance - norm.mean) / norm.std;

export function fuseSplit(
  a: SplitDistances,
  b: SplitDistances,
  normA: ZNorm,
  normB: ZNorm,
  weightA: number,
): SplitDistances {
  const fuse = (da: Float64Array, db: Float64Array): Float64Array =>
    da.map((d, i) => weightA * zScore(d, normA) + (1 - weightA) * zScore(db[i] ?? NaN, normB));
  return { genuine: fuse(a.genuine, b.genuine), impostor: fuse(a.impostor, b.impostor) };
}

/** The threshold that accepts at most floor(fmr · impostors) impostor pairs: the k-th smallest
 *  impostor distance (0-based k = that count), since acceptance is strictly below it. */
export function thresholdAtFmr(impostor: Float64Array, fmr: number): number {
  if (impostor.length === 0) throw new RangeError('no impostor pairs to place a threshold on');
  const sorted = Float64Array.from(impostor).sort();
  return sorted[Math.floor(fmr * sorted.length)] ?? Infinity;
}

export interface Rates {
  threshold: number;
  fmr: number;
  fnmr: number;
}

export function ratesAt(split: SplitDistances, threshold: number): Rates {
  let acceptedImpostors = 0;
  for (const d of split.impostor) if (d < threshold) acceptedImpostors++;
  let rejectedGenuine = 0;
  for (const d of split.genuine) if (!(d < threshold)) rejectedGenuine++;
  return {
    threshold,
    fmr: acceptedImpostors / Math.max(1, split.impostor.length),
    fnmr: rejectedGenuine / Math.max(1, split.genuine.length),
  };
}

/** FNMR at the set's own FMR operating point (threshold placed on these very impostors). */
export const ratesAtFmr = (split: SplitDistances, fmr: number): Rates =>
  ratesAt(split, thresholdAtFmr(split.impostor, fmr));

/** Weights of matcher A tried on the training folds: 1 (A alone) down to 0 (B alone). */
export const WEIGHT_GRID: readonly number[] = Array.from({ length: 21 }, (_, i) => (20 - i) / 20);

export interface FittedFusion {
  weightA: number;
  normA: ZNorm;
  normB: ZNorm;
  /** Training-fold FNMR at the training FMR target with that weight. */
  trainFnmr: number;
  /** Fused-distance threshold at the target FMR on the training impostors (the calibration). */
  threshold: number;
}

/** Fits the normalisation and picks the weight with the lowest training FNMR at `fmr`; on ties
 *  the earlier weight in the grid (closer to A alone) wins. */
export function fitFusion(
  trainA: SplitDistances,
  trainB: SplitDistances,
  fmr: number,
  grid: readonly number[] = WEIGHT_GRID,
): FittedFusion {
  const normA = fitZNorm(trainA.impostor);
  const normB = fitZNorm(trainB.impostor);
  let best: FittedFusion | undefined;
  for (const weightA of grid) {
    const fused = fuseSplit(trainA, trainB, normA, normB, weightA);
    const rates = ratesAtFmr(fused, fmr);
    if (best === undefined || rates.fnmr < best.trainFnmr) {
      best = { weightA, normA, normB, trainFnmr: rates.fnmr, threshold: rates.threshold };
    }
  }
  if (best === undefined) throw new RangeError('empty weight grid');
  return best;
}
