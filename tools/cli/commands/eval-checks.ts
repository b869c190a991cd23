// faceauth-station eval checks --data DIR [--json] [--cv [--seed N]] [--workers N] [--models DIR]
//   [--verbose]
// Runs the engine over DIR/masks, DIR/head_cover and DIR/occlusion (labels.csv each), scores the
// three attribute checks and prints, per check, ROC AUC and the rates at the shipped threshold
// (face/head cover: the model's recommended project threshold; occlusion: the station's cut on
// occluded_score), the share of clear eyeglasses flagged as occluded, and the median time the
// checks add to a verification. Images without a usable face count in no_face only; `no_face`
// also gives their count per label and per error code.
// Default: the shipped weights (resources/checks), i.e. in-sample on facedata, which they were
// trained on. --cv: out-of-fold scores of the same training recipe, stratified 5-fold, fixed seed
// (--seed: another fold assignment, to see how much of an AUC is the split's luck). --timeout-ms:
// the pool's per-task limit, so that on a loaded machine a slow image is not counted as no face.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import {
  CHECK_NAMES,
  loadCheckModels,
  scoreWith,
} from '../../../src-main/engine/checks/check-model';
import {
  allCheckImages,
  CHECK_FOLDERS,
  checkSamples,
  imageFile,
} from '../../checks/check-datasets';
import { pairedCheckCost, type PairedCost } from '../../checks/check-cost';
import { extractFeatures, median, type ExtractedImage } from '../../checks/extract-features';
import type { SyntheticImage } from '../../checks/augment/synthetic-eyewear';
import { extractTrainingData, recipeSamples } from '../../checks/training-data';
import {
  crossValidate,
  CV_FOLDS,
  CV_SEED,
  RECIPES,
  reportOf,
  type CheckReport,
  type ScoredSample,
} from '../../checks/train-checks';
import { FEATURE_BLOCKS } from '../../../src-main/engine/checks/check-features';
import { noFaceCounts } from '../../checks/no-face-counts';
import { createFaceEngine, DEFAULT_TASK_TIMEOUT_MS } from '../../../src-main/engine';
import { DEFAULT_OCCLUDED_CUT } from '../../../src-main/engine/decision/decide';
import { intOption, requireValue } from '../../shared/args';
import { UsageError, type Command } from '../command';
import { cliLogger } from '../../shared/logger';

export const evalChecksCommand: Command = {
  words: ['eval', 'checks'],
  summary:
    'attribute checks (occlusion, face cover, head cover): AUC and rates at the shipped thresholds',
  usage:
    'eval checks --data DIR [--json] [--cv [--seed N]] [--workers N] [--models DIR] [--timeout-ms N] [--verbose]',
  valueOptions: ['data', 'workers', 'models', 'seed', 'timeout-ms'],
  async run(args, io) {
    const cv = args.flags.has('cv');
    if (args.values.has('seed') && !cv) throw new UsageError('--seed needs --cv');
    const seed = intOption(args, 'seed', CV_SEED);
    const dataDir = path.resolve(requireValue(args, 'data'));
    for (const folder of CHECK_FOLDERS) {
      if (!fs.existsSync(path.join(dataDir, folder, 'labels.csv'))) {
        throw new UsageError(`${path.join(dataDir, folder, 'labels.csv')} not found`);
      }
    }
    const verbose = args.flags.has('verbose');
    const workers = intOption(args, 'workers', os.availableParallelism());
    const models = loadCheckModels(args.values.get('models'));
    const blocks = FEATURE_BLOCKS.filter((b) =>
      CHECK_NAMES.some((c) =>
        (cv ? RECIPES[c].blocks : (models.models[c]?.blocks ?? [])).includes(b),
      ),
    );
    const engine = await createFaceEngine({
      workers,
      logger: cliLogger(verbose),
      taskTimeoutMs: intOption(args, 'timeout-ms', DEFAULT_TASK_TIMEOUT_MS),
    });
    let extracted: Map<string, ExtractedImage>;
    let synthetic: SyntheticImage[] = [];
    let costs: PairedCost[];
    try {
      if (cv) {
        // The recipe's own training data, synthetic images included; they only ever train.
        ({ extracted, synthetic } = await extractTrainingData(
          engine,
          dataDir,
          blocks,
          workers * 2,
        ));
      } else {
        extracted = await extractFeatures(
          engine,
          dataDir,
          allCheckImages(dataDir),
          blocks,
          workers * 2,
        );
      }
      const analysed = allCheckImages(dataDir).filter((img) => extracted.get(img.path)?.ok);
      costs = await pairedCheckCost(
        engine,
        analysed.map((img) => ({
          path: img.path,
          bytes: async () =>
            new Uint8Array(await fs.promises.readFile(imageFile(dataDir, img.path))),
        })),
        blocks,
        workers,
      );
    } finally {
      await engine.close();
    }

    const report: Record<string, unknown> = {};
    const scoreMs = new Map<string, number>();
    let occludedScored: ScoredSample[] = [];
    for (const check of CHECK_NAMES) {
      const model = models.models[check];
      if (model === undefined && !cv) throw new UsageError(`no shipped model for ${check}`);
      const threshold =
        check === 'occluded' ? DEFAULT_OCCLUDED_CUT : (model?.recommended_threshold ?? 50);
      let scored: ScoredSample[];
      let noFace: number;
      if (cv) {
        const recipe = RECIPES[check];
        const data = recipeSamples(dataDir, check, { extracted, synthetic });
        scored = crossValidate(data, recipe, CV_FOLDS, seed);
        noFace = data.noFace;
      } else if (model !== undefined) {
        scored = [];
        noFace = 0;
        for (const s of checkSamples(dataDir, check)) {
          const e = extracted.get(s.path);
          if (e === undefined || !e.ok) {
            noFace++;
            continue;
          }
          const t0 = performance.now();
          const score = scoreWith(model, e.features);
          scoreMs.set(s.path, (scoreMs.get(s.path) ?? 0) + performance.now() - t0);
          scored.push({ ...s, score });
        }
      } else throw new UsageError(`no model for ${check}`);
      const r: CheckReport = reportOf(scored, threshold, noFace);
      report[check] = r;
      if (check === 'occluded') occludedScored = scored;
      if (verbose) {
        for (const s of scored) io.err(`${check}\t${s.label}\t${s.score}\t${s.path}`);
      }
    }
    const glasses = occludedScored.filter((s) => s.label === 'eyeglasses_clear');
    // Time added to a verification: per image, the network and checks stages with the checks'
    // blocks minus the network stage without them (measured back to back in the worker), plus
    // the logistic heads on the main thread.
    const added = costs.map((c) => c.addedMs + (scoreMs.get(c.path) ?? 0));
    const out = {
      face_cover: report.face_cover,
      head_cover: report.head_cover,
      occluded: report.occluded,
      no_face: noFaceCounts(allCheckImages(dataDir), extracted),
      eyeglasses_fpr:
        glasses.length === 0
          ? null
          : glasses.filter((s) => s.score >= DEFAULT_OCCLUDED_CUT).length / glasses.length,
      latency_ms: Number(median(added).toFixed(2)),
      evaluation: cv
        ? `out-of-fold scores, stratified ${CV_FOLDS}-fold cross-validation, seed ${seed}`
        : 'shipped weights on this data (in-sample if it is the training data)',
      latency_images: added.length,
      blocks,
    };
    io.out(args.flags.has('json') ? JSON.stringify(out) : JSON.stringify(out, null, 2));
    return 0;
  },
};
