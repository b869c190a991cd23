// The attribute checks' feature blocks: their names, which ones the recognition network's
// activations give, and each block's length (so a model file can be checked against them).
import { GRID_LENGTH } from './grid-block';
import { STATS_LENGTH } from './stats-block';

export const FEATURE_BLOCKS = [
  'chip',
  'face_top',
  'face_eyes',
  'face_lower',
  'face_deep',
  'stats',
  'grid',
] as const;
export type FeatureBlock = (typeof FEATURE_BLOCKS)[number];
export type CheckFeatures = Partial<Record<FeatureBlock, number[]>>;

/** Blocks read from the recognition network's activations on the aligned chip. */
export const TRUNK_BLOCKS: readonly FeatureBlock[] = [
  'face_top',
  'face_eyes',
  'face_lower',
  'face_deep',
];

export function needsTrunk(blocks: readonly FeatureBlock[]): boolean {
  return blocks.some((b) => TRUNK_BLOCKS.includes(b));
}

/** Length of each block, so a model file can be checked against the features it will read. */
export const BLOCK_LENGTH: Readonly<Record<FeatureBlock, number>> = {
  chip: 128,
  face_top: 128,
  face_eyes: 128,
  face_lower: 128,
  face_deep: 256,
  stats: STATS_LENGTH,
  grid: GRID_LENGTH,
};
