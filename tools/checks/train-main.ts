// npm run train:checks -- --data ../shared/facedata [--out resources/checks] [--cache FILE]
//   [--workers N]
// Analyses every image of masks/, head_cover/ and occlusion/ with the engine (features as a
// verification computes them), cross-validates each check's recipe (stratified 5-fold, fixed
// seed), refits it on all usable images and writes resources/checks/<check>.json. Deterministic:
// no random initialisation, fold assignment from a fixed seed. --cache keeps the features in a
// JSON file (never commit it next to the photos' derivatives; scratch/ is ignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { parseArgs, requireValue, intOption } from '../shared/args';
import { cliLogger } from '../shared/logger';
import { createFaceEngine, TEMPLATE_MODEL } from '../../src-main/engine';
import { CHECK_NAMES } from '../../src-main/engine/checks/check-model';
import { median, type ExtractedImage } from './extract-features';
import {
  extractTrainingData,
  recipeSamples,
  recipesAugment,
  syntheticList,
  type TrainingData,
} from './training-data';
import {
  allRecipeBlocks,
  crossValidate,
  CV_FOLDS,
  CV_SEED,
  fitShippedModel,
  RECIPES,
  reportOf,
} from './train-checks';

export async function loadOrExtract(
  dataDir: string,
  workers: number,
  cache: string | undefined,
): Promise<TrainingData> {
  if (cache !== undefined && fs.existsSync(cache)) {
    const list = JSON.parse(fs.readFileSync(cache, 'utf8')) as ExtractedImage[];
    const extracted = new Map(list.map((e) => [e.path, e]));
    return { extracted, synthetic: recipesAugment() ? syntheticList(dataDir, extracted) : [] };
  }
  const engine = await createFaceEngine({ workers, logger: cliLogger(false) });
  try {
    const data = await extractTrainingData(engine, dataDir, allRecipeBlocks(), workers * 2);
    if (cache !== undefined) {
      fs.writeFileSync(cache, JSON.stringify([...data.extracted.values()]));
    }
    return data;
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['data', 'out', 'cache', 'workers']);
  const dataDir = path.resolve(requireValue(args, 'data'));
  const outDir = path.resolve(
    args.values.get('out') ?? path.join(import.meta.dirname, '../../resources/checks'),
  );
  const workers = intOption(args, 'workers', os.availableParallelism());
  const training = await loadOrExtract(dataDir, workers, args.values.get('cache'));
  const { extracted, synthetic } = training;
  const ok = [...extracted.values()].flatMap((e) => (e.ok ? [e.checksMs] : []));
  process.stderr.write(
    `analysed ${extracted.size} images (${synthetic.length} synthetic), ${ok.length} with a face; feature time median ${median(ok).toFixed(1)} ms\n`,
  );
  fs.mkdirSync(outDir, { recursive: true });
  const summary: Record<string, unknown> = {};
  for (const check of CHECK_NAMES) {
    const recipe = RECIPES[check];
    const data = recipeSamples(dataDir, check, training);
    const cv = reportOf(crossValidate(data, recipe), recipe.recommended_threshold, data.noFace);
    const model = fitShippedModel(check, data, recipe, TEMPLATE_MODEL, {
      data: 'facedata masks/, head_cover/, occlusion/ (labels per issue 4)',
      n_pos: cv.n_pos,
      n_neg: cv.n_neg,
      synthetic: data.synthetic.samples.length,
      no_face: cv.no_face,
      options: recipe.train,
      cv: { folds: CV_FOLDS, seed: CV_SEED, stratified: true, ...cv },
    });
    const file = path.join(outDir, `${check}.json`);
    // Formatted as the repository's prettier does, so a retrain leaves `format:check` clean.
    const config = (await prettier.resolveConfig(file)) ?? {};
    fs.writeFileSync(
      file,
      await prettier.format(JSON.stringify(model), { ...config, filepath: file }),
    );
    summary[check] = cv;
  }
  process.stdout.write(`${JSON.stringify({ cross_validation: summary })}\n`);
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) {
  await main();
}
