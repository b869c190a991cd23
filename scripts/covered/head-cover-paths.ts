// Experiment of docs/covered-faces.md ("Head cover after the stage"): is a head-cover score off
// because the covered stage's box (BlazeFace, mapped by BLAZE_TO_TINY) puts the landmarks, hence
// the head regions, in the wrong place? Runs each head_cover image twice: the station's pipeline,
// and the same networks with TinyFaceDetector and SsdMobilenetv1 answering nothing, so the face
// comes from the covered stage. Scores both with the shipped head_cover model (trained before the
// stage existed, so the faces only the stage finds were never in its training set) and prints one
// JSON line per image (stages, scores, eye-centre shift over the eye distance), then a summary.
//   node --import tsx scripts/covered/head-cover-paths.ts ../shared/facedata EVERY [EXTRA_LIST]
import fs from 'node:fs';
import path from 'node:path';
import { checkSamples, imageFile, type CheckSample } from '../../tools/checks/check-datasets';
import { loadCheckModels, scoreWith } from '../../src-main/engine/checks/check-model';
import { analyzeFace, type FaceAnalysis } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG } from '../../src-main/engine/pipeline/pipeline-config';
import type { FaceNetworks } from '../../src-main/engine/networks/face-networks';
import { loadStationNetworks } from './load-station-networks';

const [dataArg, everyArg = '4', extraArg] = process.argv.slice(2);
if (dataArg === undefined) {
  console.error('usage: head-cover-paths.ts DATA_DIR EVERY [EXTRA_LIST]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const model = loadCheckModels().models.head_cover;
if (model === undefined) throw new Error('no shipped head_cover model');
const { nets } = await loadStationNetworks();
const coveredOnly: FaceNetworks = {
  ...nets,
  tinyFaces: () => Promise.resolve([]),
  ssdFaces: () => Promise.resolve([]),
};
const all = checkSamples(dataDir, 'head_cover');
const extra = new Set(
  extraArg === undefined
    ? []
    : fs
        .readFileSync(extraArg, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
);
const every = Number(everyArg);
const chosen: CheckSample[] = all.filter((s, i) => i % every === 0 || extra.has(s.path));

async function run(n: FaceNetworks, bytes: Uint8Array): Promise<FaceAnalysis | string> {
  try {
    return await analyzeFace(n, bytes, DEFAULT_PIPELINE_CONFIG, model?.blocks);
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

function eyes(a: FaceAnalysis): { l: { x: number; y: number }; r: { x: number; y: number } } {
  const mean = (from: number) => {
    const pts = (a.landmarks ?? []).slice(from, from + 6);
    return {
      x: pts.reduce((s, p) => s + p.x, 0) / pts.length,
      y: pts.reduce((s, p) => s + p.y, 0) / pts.length,
    };
  };
  return { l: mean(36), r: mean(42) };
}

for (const s of chosen) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, s.path)));
  const a = await run(nets, bytes);
  const b = await run(coveredOnly, bytes);
  const line: Record<string, unknown> = { p: s.path, label: s.label, pos: s.positive };
  if (typeof a === 'string') line.station = a;
  else {
    line.station = a.detectionStage;
    line.score = a.checkFeatures === undefined ? null : scoreWith(model, a.checkFeatures);
  }
  if (typeof b === 'string') line.covered = b;
  else {
    line.coveredStage = b.detectionStage;
    line.coveredScore = b.checkFeatures === undefined ? null : scoreWith(model, b.checkFeatures);
  }
  if (typeof a !== 'string' && typeof b !== 'string') {
    const ea = eyes(a);
    const eb = eyes(b);
    const iod = Math.hypot(ea.r.x - ea.l.x, ea.r.y - ea.l.y);
    const mid = (e: typeof ea) => ({ x: (e.l.x + e.r.x) / 2, y: (e.l.y + e.r.y) / 2 });
    const ma = mid(ea);
    const mb = mid(eb);
    line.eyeShift = Math.hypot(mb.x - ma.x, mb.y - ma.y) / iod;
    line.eyeShiftY = (mb.y - ma.y) / iod;
    line.iodRatio = Math.hypot(eb.r.x - eb.l.x, eb.r.y - eb.l.y) / iod;
  }
  console.log(JSON.stringify(line));
}
await nets.dispose();
