// The similarity-fusion experiment of issue 13 (item 4), reproducible:
//   node --import tsx scripts/fusion/run-experiment.ts [--data DIR] [--folds 5] [--seed 1]
//        [--timing-faces 40] [--threads 2] [--cache FILE]
// Enrolls every image of DIR/labels.csv with the engine (ONNX Runtime), describes the same faces
// with human's faceres, then compares, under cross-validation split by identity, the engine's
// descriptor alone, faceres alone and their z-normalised weighted fusion at FMR 1e-3, and times
// the networks per face in the same run. Prints one JSON object; progress goes to stderr.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { intOption, parseArgs } from '../../tools/shared/args';
import { defaultFacedataDir } from '../../tools/cli/facedata';
import { readLabels } from '../../tools/shared/labels-csv';
import { resolveLabelPath } from '../../tools/cli/commands/eval-verify';
import { tfjsNetworks } from '../../src-main/engine/networks/tfjs/tfjs-networks';
import { loadFaceRuntime } from '../../src-main/engine/networks/tfjs/tfjs-runtime';
import { decideFusion } from '../../tools/evaluation/fusion-decision';
import { FACERES_CROPS } from './faceres-crops';
import { loadFaceresNet } from './faceres-net';
import {
  analyze,
  describeImage,
  loadEngineNetworks,
  readCache,
  writeCache,
  type AnalyzedFace,
} from './extract-descriptors';
import { compareMatchers } from './compare-matchers';
import { timeNetworks } from './time-networks';

const args = parseArgs(process.argv.slice(2), [
  'data',
  'folds',
  'seed',
  'timing-faces',
  'threads',
  'cache',
]);
const dataDir = args.values.get('data') ?? path.join(defaultFacedataDir(), 'verification');
const labelsFile = path.join(dataDir, 'labels.csv');
if (!fs.existsSync(labelsFile)) {
  process.stderr.write(
    `fusion experiment: no face data at ${dataDir} (${labelsFile} is missing). The photos live in ` +
      `../shared/facedata/verification beside the repository; pass --data DIR elsewhere.\n`,
  );
  process.exit(2);
}
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const cacheFile =
  args.values.get('cache') ?? path.join(repoRoot, 'scratch', 'fusion', 'descriptors.json');
const threads = intOption(args, 'threads', os.availableParallelism());
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const rows = readLabels(labelsFile).map((r) => ({
  path: r.path ?? '',
  identity: r.identity ?? '',
}));
const onnxNets = await loadEngineNetworks(ort, threads);
const faceres = await loadFaceresNet();
const records = readCache(cacheFile);
const missing = rows.filter((r) => !records.has(r.path));
log(`${rows.length} images, ${rows.length - missing.length} cached, describing ${missing.length}`);
for (const [i, row] of missing.entries()) {
  records.set(
    row.path,
    await describeImage(onnxNets, faceres, resolveLabelPath(dataDir, row.path), row.identity),
  );
  if ((i + 1) % 50 === 0 || i + 1 === missing.length) {
    writeCache(cacheFile, records);
    log(`described ${i + 1}/${missing.length}`);
  }
}

// Timings: the first enrolled faces of the set, every network on each face in turn.
const timingFaces = intOption(args, 'timing-faces', 40);
const warmUp = 2;
const faces: AnalyzedFace[] = [];
for (const row of rows.filter((r) => records.get(r.path)?.baseline !== undefined)) {
  if (faces.length >= timingFaces + warmUp) break;
  faces.push(
    await analyze(onnxNets, new Uint8Array(fs.readFileSync(resolveLabelPath(dataDir, row.path)))),
  );
}
const wasmRuntime = await loadFaceRuntime({ backend: 'wasm', loadSsd: false });
const timings = await timeNetworks(faces, onnxNets, tfjsNetworks(wasmRuntime), faceres, warmUp);
await onnxNets.dispose();
faceres.dispose();

const enrolled = rows.flatMap((r) => {
  const rec = records.get(r.path);
  return rec?.baseline !== undefined && rec.faceres !== undefined
    ? [{ ...rec, baseline: rec.baseline, faceres: rec.faceres }]
    : [];
});
const comparison = compareMatchers(enrolled, FACERES_CROPS, {
  folds: intOption(args, 'folds', 5),
  seed: intOption(args, 'seed', 1),
});
const cv = comparison.cross_validation;
const extraMs = timings.faceres_tfjs_wasm.median_ms;
const ratio = timings.faceres_tfjs_wasm.median_ms / timings.faceapi_descriptor_tfjs_wasm.median_ms;
const decision = decideFusion({
  relativeCalibrated: cv.relative_change.fused.calibrated,
  relativeHeldOut: cv.relative_change.fused.held_out,
  extraMs,
});
process.stdout.write(
  `${JSON.stringify({
    data: dataDir,
    images: rows.length,
    enrolled: enrolled.length,
    failed_to_enrol: rows.length - enrolled.length,
    ...comparison,
    timings: {
      ...timings,
      // faceres has no ONNX model yet: its wasm/wasm ratio applied to the ONNX descriptor time.
      faceres_onnx_estimate_ms:
        Math.round(ratio * timings.faceapi_descriptor_onnx_cpu.median_ms * 10) / 10,
      load_average_1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    },
    decision: { ...decision, extra_ms_basis: 'faceres_tfjs_wasm.median_ms' },
  })}\n`,
);
