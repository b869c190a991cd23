// Experiment of docs/covered-faces.md ("Head cover across CV seeds"): how much of the head-cover
// AUC is cross-validation variance, which images the check ranks worst, and whether another recipe
// (blocks, L2 penalty) holds up across seeds. Analyses every check image once with every feature
// block (cached in CACHE, a scratch file never committed: it holds features of the photos), then
// runs the candidate recipes' stratified 5-fold CV over several seeds, which is cheap.
//   node --import tsx scripts/covered/head-cover-seeds.ts ../shared/facedata CACHE [SEEDS] [WORST]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FEATURE_BLOCKS, type FeatureBlock } from '../../src-main/engine/checks/check-features';
import type { ExtractedImage } from '../../tools/checks/extract-features';
import { DEFAULT_TRAIN_OPTIONS } from '../../tools/checks/train-logistic';
import { extractFeatures } from '../../tools/checks/extract-features';
import { allCheckImages } from '../../tools/checks/check-datasets';
import {
  crossValidate,
  CV_SEED,
  RECIPES,
  reportOf,
  usableSamples,
  type CheckRecipe,
} from '../../tools/checks/train-checks';
import { cliLogger } from '../../tools/shared/logger';
import { createFaceEngine } from '../../src-main/engine';

const [dataArg, cacheArg, seedsArg = '5', worstArg = '12'] = process.argv.slice(2);
if (dataArg === undefined || cacheArg === undefined) {
  console.error('usage: head-cover-seeds.ts DATA_DIR CACHE [SEEDS] [WORST]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);

async function features(): Promise<Map<string, ExtractedImage>> {
  if (fs.existsSync(cacheArg as string)) {
    const list = JSON.parse(fs.readFileSync(cacheArg as string, 'utf8')) as ExtractedImage[];
    return new Map(list.map((e) => [e.path, e]));
  }
  const workers = os.availableParallelism();
  const engine = await createFaceEngine({ workers, logger: cliLogger(false) });
  try {
    const images = allCheckImages(dataDir);
    const extracted = await extractFeatures(engine, dataDir, images, [...FEATURE_BLOCKS], workers);
    fs.writeFileSync(cacheArg as string, JSON.stringify([...extracted.values()]));
    return extracted;
  } finally {
    await engine.close();
  }
}

const extracted = await features();
const seeds = [CV_SEED, ...Array.from({ length: Number(seedsArg) - 1 }, (_, i) => i + 1)];
const candidates: Record<string, CheckRecipe> = {
  shipped: RECIPES.head_cover,
};
for (const blocks of [
  ['face_top', 'stats', 'grid'],
  ['face_top', 'grid'],
  ['face_top', 'face_eyes', 'stats'],
  ['face_top', 'stats', 'chip'],
  ['face_top', 'face_deep', 'stats'],
] as FeatureBlock[][]) {
  for (const lambda of [0.05, 0.1, 0.3]) {
    candidates[`${blocks.join('+')} l=${lambda}`] = {
      ...RECIPES.head_cover,
      blocks,
      train: { ...DEFAULT_TRAIN_OPTIONS, lambda },
    };
  }
}
for (const [name, recipe] of Object.entries(candidates)) {
  const data = usableSamples(dataDir, 'head_cover', extracted, recipe.blocks);
  const aucs = seeds.map((seed) => {
    const scored = crossValidate(data, recipe, undefined, seed);
    return reportOf(scored, recipe.recommended_threshold, data.noFace).auc;
  });
  const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
  console.log(
    `${name.padEnd(36)} mean ${mean.toFixed(4)} min ${Math.min(...aucs).toFixed(4)} max ${Math.max(...aucs).toFixed(4)}  [${aucs.map((a) => a.toFixed(4)).join(' ')}]`,
  );
  if (name !== 'shipped') continue;
  // Worst-ranked images, averaged over the seeds: positives scored lowest, negatives highest.
  const mean_score = new Map<string, { label: string; positive: boolean; sum: number }>();
  for (const seed of seeds) {
    for (const s of crossValidate(data, recipe, undefined, seed)) {
      const m = mean_score.get(s.path) ?? { label: s.label, positive: s.positive, sum: 0 };
      m.sum += s.score / seeds.length;
      mean_score.set(s.path, m);
    }
  }
  const rows = [...mean_score.entries()].map(([p, m]) => ({ path: p, ...m }));
  const pos = rows.filter((r) => r.positive).sort((a, b) => a.sum - b.sum);
  const neg = rows.filter((r) => !r.positive).sort((a, b) => b.sum - a.sum);
  // Discordant pairs each image takes part in: its share of the AUC's shortfall.
  const discordant = (r: { sum: number; positive: boolean }): number =>
    r.positive
      ? neg.filter((n) => n.sum >= r.sum).length
      : pos.filter((p) => p.sum <= r.sum).length;
  const worst = Number(worstArg);
  for (const r of [...pos.slice(0, worst), ...neg.slice(0, worst)]) {
    console.log(
      `  worst ${r.positive ? 'pos' : 'neg'} ${r.label.padEnd(12)} ${r.sum.toFixed(1).padStart(5)} discordant ${discordant(r)}  ${r.path}`,
    );
  }
}
