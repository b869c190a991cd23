// The images a training or a cross-validation of the checks reads: every labelled image of the
// three folders analysed by the engine, plus, when a recipe asks for it, the synthetic eyewear
// drawn on the clean faces (augment/synthetic-eyewear.ts). Shared by `npm run train:checks` and
// `eval checks --cv`, so the figures the evaluation prints are those of the shipped recipe.
import type { FaceEngine } from '../../src-main/engine';
import {
  extractSynthetic,
  syntheticImagesFor,
  type SyntheticImage,
} from './augment/synthetic-eyewear';
import { allCheckImages, checkSamples } from './check-datasets';
import type { FeatureBlock } from '../../src-main/engine/checks/check-features';
import { extractFeatures, type ExtractedImage } from './extract-features';
import type { CheckName } from '../../src-main/engine/checks/check-model';
import { RECIPES, usableSamples, type Usable } from './train-checks';

export interface TrainingData {
  /** Features of the real images and of the synthetic ones, by path. */
  extracted: Map<string, ExtractedImage>;
  /** The synthetic images recipes with `augment: 'eyewear'` train on. */
  synthetic: SyntheticImage[];
}

/** A check's usable samples as its recipe trains on them (synthetic images when it augments). */
export function recipeSamples(dataDir: string, check: CheckName, data: TrainingData): Usable {
  const recipe = RECIPES[check];
  const synthetic = recipe.augment === 'eyewear' ? data.synthetic : [];
  return usableSamples(dataDir, check, data.extracted, recipe.blocks, synthetic);
}

export function recipesAugment(): boolean {
  return Object.values(RECIPES).some((r) => r.augment === 'eyewear');
}

/** Synthetic images of the clean faces in `extracted` (deterministic: same list every time). */
export function syntheticList(
  dataDir: string,
  extracted: ReadonlyMap<string, ExtractedImage>,
): SyntheticImage[] {
  return syntheticImagesFor(checkSamples(dataDir, 'occluded'), extracted).map((s) => s.image);
}

export async function extractTrainingData(
  engine: FaceEngine,
  dataDir: string,
  blocks: FeatureBlock[],
  concurrency: number,
): Promise<TrainingData> {
  const extracted = await extractFeatures(
    engine,
    dataDir,
    allCheckImages(dataDir),
    blocks,
    concurrency,
  );
  if (!recipesAugment()) return { extracted, synthetic: [] };
  const sources = syntheticImagesFor(checkSamples(dataDir, 'occluded'), extracted);
  const drawn = await extractSynthetic(engine, dataDir, sources, blocks, concurrency);
  for (const [key, value] of drawn) extracted.set(key, value);
  return { extracted, synthetic: sources.map((s) => s.image) };
}
