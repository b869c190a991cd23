// Training recipe of the attribute checks, shared by `npm run train:checks` and by
// `eval checks --cv`: per check, a logistic head on the check's feature blocks; evaluated by
// stratified k-fold cross-validation (fixed seed), then refitted on all images for shipping.
import { FEATURE_BLOCKS, type FeatureBlock } from '../../src-main/engine/checks/check-features';
import { checkSamples, type CheckSample } from './check-datasets';
import {
  probabilityToScore,
  featureRow,
  type CheckModelFile,
  type CheckName,
} from '../../src-main/engine/checks/check-model';
import type { ExtractedImage } from './extract-features';
import type { SyntheticImage } from './augment/synthetic-eyewear';
import { predict } from '../../src-main/engine/checks/logistic';
import { DEFAULT_TRAIN_OPTIONS, trainLogistic, type TrainOptions } from './train-logistic';
import { rate, rocAuc, stratifiedFolds } from './metrics';

export interface CheckRecipe {
  blocks: FeatureBlock[];
  train: TrainOptions;
  recommended_threshold: number;
  /** Extra loss weight of samples by their label (hard negatives); others weigh 1. */
  labelWeights?: Readonly<Record<string, number>>;
  /** Train on synthetic eyewear drawn on the clean faces too (augment/synthetic-eyewear.ts). */
  augment?: 'eyewear';
}

export function sampleWeights(
  samples: readonly { label: string }[],
  recipe: CheckRecipe,
): number[] | undefined {
  const w = recipe.labelWeights;
  return w === undefined ? undefined : samples.map((s) => w[s.label] ?? 1);
}

/** Blocks and L2 penalties chosen on the cross-validated AUC of a small grid (see
 *  resources/checks/README.md: the choice itself looked at CV figures, so they are mildly
 *  optimistic). The face_* blocks are read from the verification's own network pass. */
export const RECIPES: Record<CheckName, CheckRecipe> = {
  face_cover: {
    blocks: ['face_lower', 'stats'],
    train: { ...DEFAULT_TRAIN_OPTIONS, lambda: 0.02 },
    recommended_threshold: 50,
  },
  head_cover: {
    blocks: ['face_top', 'stats'],
    train: { ...DEFAULT_TRAIN_OPTIONS, lambda: 0.1 },
    recommended_threshold: 50,
  },
  occluded: {
    blocks: ['face_eyes', 'face_lower', 'stats', 'grid'],
    train: { ...DEFAULT_TRAIN_OPTIONS, lambda: 0.02 },
    recommended_threshold: 50,
    // Clear eyeglasses are 13 of the real negatives: synthetic clear glasses and sunglasses on
    // the same clean faces teach that a frame is not an occlusion, a dark lens is.
    augment: 'eyewear',
  },
};

export const CV_FOLDS = 5;
export const CV_SEED = 20261126;

/** Feature blocks any recipe needs. */
export function allRecipeBlocks(): FeatureBlock[] {
  const used = new Set(Object.values(RECIPES).flatMap((r) => r.blocks));
  return FEATURE_BLOCKS.filter((b) => used.has(b));
}

export interface ScoredSample extends CheckSample {
  score: number;
}

export interface CheckReport {
  auc: number;
  tpr: number;
  fpr: number;
  threshold: number;
  n_pos: number;
  n_neg: number;
  no_face: number;
}

/** Rates at a threshold: a cover check flags (score >= threshold means equipment present); the
 *  occlusion check flags occluded when score >= its cut. Both count "positive" the same way. */
export function reportOf(
  scored: readonly ScoredSample[],
  threshold: number,
  noFace: number,
): CheckReport {
  const pos = scored.filter((s) => s.positive).map((s) => s.score);
  const neg = scored.filter((s) => !s.positive).map((s) => s.score);
  return {
    auc: rocAuc(pos, neg),
    tpr: rate(pos, (s) => s >= threshold),
    fpr: rate(neg, (s) => s >= threshold),
    threshold,
    n_pos: pos.length,
    n_neg: neg.length,
    no_face: noFace,
  };
}

export interface SyntheticSample extends CheckSample {
  /** The real image it was drawn on. */
  source: string;
}

export interface Usable {
  samples: CheckSample[];
  rows: number[][];
  noFace: number;
  /** Training-only samples (never scored, never counted in the rates). */
  synthetic: { samples: SyntheticSample[]; rows: number[][] };
}

/** The check's samples whose face was analysed, with their feature rows, and the synthetic
 *  images given (whose features are in `extracted` too) that the engine could analyse. */
export function usableSamples(
  dataDir: string,
  check: CheckName,
  extracted: ReadonlyMap<string, ExtractedImage>,
  blocks: readonly FeatureBlock[],
  syntheticImages: readonly SyntheticImage[] = [],
): Usable {
  const samples: CheckSample[] = [];
  const rows: number[][] = [];
  let noFace = 0;
  for (const s of checkSamples(dataDir, check)) {
    const e = extracted.get(s.path);
    if (e === undefined || !e.ok) {
      noFace++;
      continue;
    }
    samples.push(s);
    rows.push(featureRow(e.features, blocks));
  }
  const synthetic: Usable['synthetic'] = { samples: [], rows: [] };
  for (const img of syntheticImages) {
    const e = extracted.get(img.path);
    if (e === undefined || !e.ok) continue;
    synthetic.samples.push({ ...img, positive: img.kind === 'sunglasses' });
    synthetic.rows.push(featureRow(e.features, blocks));
  }
  return { samples, rows, noFace, synthetic };
}

/** The samples fold `f` trains on: the real samples of the other folds, and the synthetic samples
 *  whose source image is not in fold `f` (a copy of a test image must not train its own test). */
export function foldTrainingSet(
  data: Usable,
  fold: readonly number[],
  f: number,
): { real: number[]; synthetic: number[] } {
  const foldOf = new Map(data.samples.map((s, i) => [s.path, fold[i]]));
  return {
    real: data.samples.flatMap((_, i) => (fold[i] === f ? [] : [i])),
    synthetic: data.synthetic.samples.flatMap((s, i) => (foldOf.get(s.source) === f ? [] : [i])),
  };
}

/** Out-of-fold scores by stratified k-fold cross-validation; synthetic samples only train. */
export function crossValidate(
  data: Usable,
  recipe: CheckRecipe,
  folds = CV_FOLDS,
  seed = CV_SEED,
): ScoredSample[] {
  const labels = data.samples.map((s) => s.positive);
  const fold = stratifiedFolds(labels, folds, seed);
  const scores = new Array<number>(labels.length).fill(0);
  const n = labels.length;
  const weights = sampleWeights([...data.samples, ...data.synthetic.samples], recipe);
  for (let f = 0; f < folds; f++) {
    const { real, synthetic } = foldTrainingSet(data, fold, f);
    const model = trainLogistic(
      [
        ...real.map((i) => data.rows[i] ?? []),
        ...synthetic.map((i) => data.synthetic.rows[i] ?? []),
      ],
      [
        ...real.map((i) => labels[i] === true),
        ...synthetic.map((i) => data.synthetic.samples[i]?.positive === true),
      ],
      recipe.train,
      weights === undefined
        ? undefined
        : [...real.map((i) => weights[i] ?? 1), ...synthetic.map((i) => weights[n + i] ?? 1)],
    );
    labels.forEach((_, i) => {
      if (fold[i] === f) scores[i] = probabilityToScore(predict(model, data.rows[i] ?? []));
    });
  }
  return data.samples.map((s, i) => ({ ...s, score: scores[i] ?? 0 }));
}

export function fitShippedModel(
  check: CheckName,
  data: Usable,
  recipe: CheckRecipe,
  featureModel: string,
  training: Record<string, unknown>,
): CheckModelFile {
  const model = trainLogistic(
    [...data.rows, ...data.synthetic.rows],
    [...data.samples, ...data.synthetic.samples].map((s) => s.positive),
    recipe.train,
    sampleWeights([...data.samples, ...data.synthetic.samples], recipe),
  );
  const round = (v: number): number => Number(v.toPrecision(7));
  return {
    check,
    version: '1',
    feature_model: featureModel,
    blocks: recipe.blocks,
    mean: model.mean.map(round),
    std: model.std.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    recommended_threshold: recipe.recommended_threshold,
    training,
  };
}
