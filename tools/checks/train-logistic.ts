// L2-regularised logistic regression on standardised features, trained by full-batch gradient
// descent from zero weights: no randomness, so the same data always gives the same weights. The
// engine applies the result with src-main/engine/checks/logistic.ts.
import {
  sigmoid,
  type LogisticModel,
  type Standardizer,
} from '../../src-main/engine/checks/logistic';

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias), per sample. */
  lambda: number;
  iterations: number;
  learningRate: number;
  /** Weigh classes so that positives and negatives count equally. */
  balanced: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  lambda: 0.05,
  iterations: 600,
  learningRate: 0.5,
  balanced: true,
};

export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (r[j] ?? 0);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) / Math.max(1, rows.length);
  for (const r of rows) {
    for (let j = 0; j < d; j++) std[j] = (std[j] ?? 0) + ((r[j] ?? 0) - (mean[j] ?? 0)) ** 2;
  }
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt((std[j] ?? 0) / Math.max(1, rows.length));
    std[j] = s > 1e-8 ? s : 1;
  }
  return { mean, std };
}

export function standardize(s: Standardizer, row: readonly number[]): number[] {
  return row.map((v, j) => (v - (s.mean[j] ?? 0)) / (s.std[j] ?? 1));
}

/** `sampleWeights` (default all 1) multiply each sample's loss on top of class balancing: the
 *  occlusion check weighs clear eyeglasses, its hard negatives, above other negatives. */
export function trainLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  sampleWeights?: readonly number[],
): LogisticModel {
  if (rows.length !== labels.length || rows.length === 0) throw new Error('no training data');
  const s = fitStandardizer(rows);
  const x = rows.map((r) => standardize(s, r));
  const d = s.mean.length;
  const nPos = labels.filter(Boolean).length;
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) throw new Error('training needs both classes');
  const n = labels.length;
  const wPos = options.balanced ? n / (2 * nPos) : 1;
  const wNeg = options.balanced ? n / (2 * nNeg) : 1;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const grad = new Array<number>(d).fill(0);
  for (let it = 0; it < options.iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i] ?? [];
      let z = b;
      for (let j = 0; j < d; j++) z += (w[j] ?? 0) * (xi[j] ?? 0);
      const y = labels[i] === true;
      const err = (sigmoid(z) - (y ? 1 : 0)) * (y ? wPos : wNeg) * (sampleWeights?.[i] ?? 1);
      gb += err;
      for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + err * (xi[j] ?? 0);
    }
    for (let j = 0; j < d; j++) {
      w[j] =
        (w[j] ?? 0) - options.learningRate * ((grad[j] ?? 0) / n + options.lambda * (w[j] ?? 0));
    }
    b -= options.learningRate * (gb / n);
  }
  return { ...s, weights: w, bias: b };
}
