// Logistic regression as the engine runs it: a trained model (weights on standardised features)
// applied to a raw feature row. Training is tools/checks/train-logistic.ts.
export interface Standardizer {
  mean: number[];
  std: number[];
}

export interface LogisticModel extends Standardizer {
  weights: number[];
  bias: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Decision value w·x + b of a raw (unstandardised) feature row. */
export function logit(model: LogisticModel, row: readonly number[]): number {
  if (row.length !== model.weights.length) {
    throw new Error(`feature length ${row.length}, model expects ${model.weights.length}`);
  }
  let z = model.bias;
  for (let j = 0; j < row.length; j++) {
    z += (model.weights[j] ?? 0) * (((row[j] ?? 0) - (model.mean[j] ?? 0)) / (model.std[j] ?? 1));
  }
  return z;
}

export function predict(model: LogisticModel, row: readonly number[]): number {
  return sigmoid(logit(model, row));
}
