// The three attribute checks as shipped models: which feature blocks each reads, its logistic
// head, and the mapping of its probability onto FaceAuth's 0-100 scale. The engine asks
// `blocksFor` which features to compute for the checks a policy enables (and only those), and
// `score` turns the worker's features into the FaceAuth scores.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CheckScores } from '../decision/decide';
import {
  BLOCK_LENGTH,
  FEATURE_BLOCKS,
  type CheckFeatures,
  type FeatureBlock,
} from './check-features';
import { predict, type LogisticModel } from './logistic';
import faceCoverJson from '../../../resources/checks/face_cover.json';
import headCoverJson from '../../../resources/checks/head_cover.json';
import occludedJson from '../../../resources/checks/occluded.json';

export const CHECK_NAMES = ['face_cover', 'head_cover', 'occluded'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const SCORE_KEY: Record<CheckName, keyof CheckScores> = {
  face_cover: 'face_cover_score',
  head_cover: 'head_cover_score',
  occluded: 'occluded_score',
};

export function checkOfScoreKey(key: keyof CheckScores): CheckName {
  const found = CHECK_NAMES.find((c) => SCORE_KEY[c] === key);
  if (found === undefined) throw new Error(`no check for ${key}`);
  return found;
}

export const CheckModelFileSchema = z
  .object({
    check: z.enum(CHECK_NAMES),
    version: z.string(),
    /** The engine's template model the features come from (FaceRecognitionNet + alignment). */
    feature_model: z.string(),
    blocks: z.array(z.enum(FEATURE_BLOCKS)).min(1),
    mean: z.array(z.number()),
    std: z.array(z.number()),
    weights: z.array(z.number()),
    bias: z.number(),
    /** The threshold the station recommends for project policy (0-100), and what it measured. */
    recommended_threshold: z.number().min(0).max(100),
    training: z.record(z.string(), z.unknown()),
  })
  .refine(
    (m) =>
      m.weights.length === m.blocks.reduce((n, b) => n + BLOCK_LENGTH[b], 0) &&
      m.mean.length === m.weights.length &&
      m.std.length === m.weights.length,
    { message: 'weights, mean and std must match the lengths of the blocks the model reads' },
  );
export type CheckModelFile = z.infer<typeof CheckModelFileSchema>;

/** Probability → 0-100 score, truncated to 2 decimals (never rounded up over a threshold). */
export function probabilityToScore(p: number): number {
  if (!Number.isFinite(p)) throw new Error('probability is not finite');
  const clamped = Math.min(1, Math.max(0, p));
  return Math.floor(clamped * 10000 + 1e-9) / 100;
}

/** The feature row a model reads: its blocks concatenated in the model's order. */
export function featureRow(features: CheckFeatures, blocks: readonly FeatureBlock[]): number[] {
  return blocks.flatMap((b) => {
    const v = features[b];
    if (v === undefined) throw new Error(`feature block ${b} missing`);
    return v;
  });
}

export function scoreWith(model: CheckModelFile, features: CheckFeatures): number {
  const lm: LogisticModel = model;
  return probabilityToScore(predict(lm, featureRow(features, model.blocks)));
}

export interface CheckModels {
  readonly models: Readonly<Partial<Record<CheckName, CheckModelFile>>>;
  /** Feature blocks the given checks need (union, in FEATURE_BLOCKS order). */
  blocksFor(wanted: readonly (keyof CheckScores)[]): FeatureBlock[];
  /** Scores of the given checks only. Throws when a model or a feature block is missing. */
  score(features: CheckFeatures, wanted: readonly (keyof CheckScores)[]): CheckScores;
}

export function makeCheckModels(models: Partial<Record<CheckName, CheckModelFile>>): CheckModels {
  const need = (key: keyof CheckScores): CheckModelFile => {
    const m = models[checkOfScoreKey(key)];
    if (m === undefined) throw new Error(`no model installed for ${key}`);
    return m;
  };
  return {
    models,
    blocksFor(wanted) {
      const used = new Set(wanted.flatMap((k) => need(k).blocks));
      return FEATURE_BLOCKS.filter((b) => used.has(b));
    },
    score(features, wanted) {
      const out: CheckScores = {};
      for (const key of wanted) out[key] = scoreWith(need(key), features);
      return out;
    },
  };
}

/** The shipped models, or DIR/<check>.json for each check that has a file there. */
export function loadCheckModels(dir?: string): CheckModels {
  if (dir === undefined) return shippedCheckModels();
  const models: Partial<Record<CheckName, CheckModelFile>> = {};
  for (const check of CHECK_NAMES) {
    const file = path.join(dir, `${check}.json`);
    if (!fs.existsSync(file)) continue;
    const parsed = CheckModelFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.check !== check) throw new Error(`${file} holds the ${parsed.check} model`);
    models[check] = parsed;
  }
  return makeCheckModels(models);
}

/** The models shipped in resources/checks, imported so a bundled build carries them. */
export function shippedCheckModels(): CheckModels {
  return makeCheckModels({
    face_cover: CheckModelFileSchema.parse(faceCoverJson),
    head_cover: CheckModelFileSchema.parse(headCoverJson),
    occluded: CheckModelFileSchema.parse(occludedJson),
  });
}
