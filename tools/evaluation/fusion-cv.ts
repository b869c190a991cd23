// Cross-validated comparison of the engine's matcher (baseline), a second network's matcher alone
// and their score-level fusion, folds split by identity. Everything a method learns (which
// second-network variant, the fusion weight, the z-normalisation, the threshold at the target
// FMR) is fitted on the training folds only and applied unchanged to the held-out identities.
// Two held-out figures per method: `calibrated` (FNMR and the FMR actually reached with the
// training threshold: what shipping that calibration would give) and `held_out_fnmr` (FNMR at the
// held-out fold's own FMR target: the ranking, free of threshold drift).
import { foldPairs, splitDistances, type PairTable, type SplitDistances } from './pair-table';
import {
  fitFusion,
  fuseSplit,
  ratesAt,
  ratesAtFmr,
  thresholdAtFmr,
  WEIGHT_GRID,
} from './score-fusion';

export interface Matcher {
  name: string;
  /** One distance per pair of the table (lower = more similar). */
  distances: Float64Array;
}

export interface HeldOut {
  calibrated: { fnmr: number; fmr: number };
  held_out_fnmr: number;
}

export interface FoldResult {
  fold: number;
  genuine_pairs: number;
  impostor_pairs: number;
  baseline: HeldOut;
  second: HeldOut & { matcher: string };
  fused: HeldOut & { matcher: string; weight: number };
}

type Method = 'baseline' | 'second' | 'fused';

export interface FusionCvReport {
  fmr_target: number;
  folds: FoldResult[];
  mean: Record<Method, { calibrated_fnmr: number; calibrated_fmr: number; held_out_fnmr: number }>;
  /** Held-out pairs of all folds together, each judged with its own fold's training threshold. */
  pooled: Record<Method, { fnmr: number; fmr: number }>;
  /** (method - baseline) / baseline of the mean FNMR: -0.15 is a 15 % drop. */
  relative_change: Record<'second' | 'fused', { calibrated: number; held_out: number }>;
}

function judge(test: SplitDistances, threshold: number, fmr: number): HeldOut {
  const calibrated = ratesAt(test, threshold);
  return {
    calibrated: { fnmr: calibrated.fnmr, fmr: calibrated.fmr },
    held_out_fnmr: ratesAtFmr(test, fmr).fnmr,
  };
}

function evaluateFold(
  table: PairTable,
  foldOfImage: ArrayLike<number>,
  fold: number,
  baseline: Matcher,
  seconds: readonly Matcher[],
  fmr: number,
  grid: readonly number[],
): FoldResult {
  const pairs = foldPairs(table, foldOfImage, fold);
  const split = (m: Matcher): { train: SplitDistances; test: SplitDistances } => ({
    train: splitDistances(table, m.distances, pairs.train),
    test: splitDistances(table, m.distances, pairs.test),
  });
  const base = split(baseline);
  const candidates = seconds.map((m) => ({ name: m.name, ...split(m) }));
  if (candidates.length === 0) throw new RangeError('no second matcher to compare');

  const bestSecond = candidates
    .map((c) => ({ c, fnmr: ratesAtFmr(c.train, fmr).fnmr }))
    .reduce((a, b) => (b.fnmr < a.fnmr ? b : a));
  const secondThreshold = thresholdAtFmr(bestSecond.c.train.impostor, fmr);

  const fits = candidates.map((c) => ({ c, fit: fitFusion(base.train, c.train, fmr, grid) }));
  const bestFused = fits.reduce((a, b) => (b.fit.trainFnmr < a.fit.trainFnmr ? b : a));
  const { fit, c } = bestFused;
  const fusedTest = fuseSplit(base.test, c.test, fit.normA, fit.normB, fit.weightA);

  return {
    fold,
    genuine_pairs: base.test.genuine.length,
    impostor_pairs: base.test.impostor.length,
    baseline: judge(base.test, thresholdAtFmr(base.train.impostor, fmr), fmr),
    second: {
      matcher: bestSecond.c.name,
      ...judge(bestSecond.c.test, secondThreshold, fmr),
    },
    fused: {
      matcher: c.name,
      weight: fit.weightA,
      ...judge(fusedTest, fit.threshold, fmr),
    },
  };
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

export function crossValidateFusion(
  table: PairTable,
  foldOfImage: ArrayLike<number>,
  folds: number,
  baseline: Matcher,
  seconds: readonly Matcher[],
  fmr = 1e-3,
  grid: readonly number[] = WEIGHT_GRID,
): FusionCvReport {
  const results = Array.from({ length: folds }, (_, f) =>
    evaluateFold(table, foldOfImage, f, baseline, seconds, fmr, grid),
  );
  const methods: Method[] = ['baseline', 'second', 'fused'];
  const meanOf = (m: Method) => ({
    calibrated_fnmr: mean(results.map((r) => r[m].calibrated.fnmr)),
    calibrated_fmr: mean(results.map((r) => r[m].calibrated.fmr)),
    held_out_fnmr: mean(results.map((r) => r[m].held_out_fnmr)),
  });
  const pooledOf = (m: Method) => {
    const g = results.reduce((s, r) => s + r.genuine_pairs, 0);
    const i = results.reduce((s, r) => s + r.impostor_pairs, 0);
    const rejected = results.reduce((s, r) => s + r[m].calibrated.fnmr * r.genuine_pairs, 0);
    const accepted = results.reduce((s, r) => s + r[m].calibrated.fmr * r.impostor_pairs, 0);
    return { fnmr: rejected / g, fmr: accepted / i };
  };
  const meanFigures = Object.fromEntries(
    methods.map((m) => [m, meanOf(m)]),
  ) as FusionCvReport['mean'];
  const relative = (m: 'second' | 'fused') => ({
    calibrated:
      (meanFigures[m].calibrated_fnmr - meanFigures.baseline.calibrated_fnmr) /
      meanFigures.baseline.calibrated_fnmr,
    held_out:
      (meanFigures[m].held_out_fnmr - meanFigures.baseline.held_out_fnmr) /
      meanFigures.baseline.held_out_fnmr,
  });
  return {
    fmr_target: fmr,
    folds: results,
    mean: meanFigures,
    pooled: Object.fromEntries(methods.map((m) => [m, pooledOf(m)])) as FusionCvReport['pooled'],
    relative_change: { second: relative('second'), fused: relative('fused') },
  };
}
