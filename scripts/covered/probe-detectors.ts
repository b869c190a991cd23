// Experiment of docs/covered-faces.md: runs today's pipeline (analyzeFace, detector chain and
// quality gate) and the BlazeFace covered-face stage side by side on every check image of
// facedata (masks/, head_cover/, occlusion/) and on negative/, one process, one thread, and
// writes one JSON line per image: today's outcome, today's first detector's box, and BlazeFace's
// detections per letterbox padding (raw score and box, before any score cut).
//   node --import tsx scripts/covered/probe-detectors.ts ../shared/facedata OUT.jsonl [LIMIT]
import fs from 'node:fs';
import path from 'node:path';
import { allCheckImages, imageFile, readFolder } from '../../tools/checks/check-datasets';
import { loadStationNetworks } from './load-station-networks';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG } from '../../src-main/engine/pipeline/pipeline-config';
import { validateImage } from '../../src-main/engine/image/validate-image';
import { decodeImage } from '../../src-main/engine/image/decode-image';
import { detectFaces } from '../../src-main/engine/detect/detect-faces';
import { detectCoveredFaces } from '../../src-main/engine/detect/covered-face-detector';

const [dataArg, outArg, limitArg] = process.argv.slice(2);
if (dataArg === undefined || outArg === undefined) {
  console.error('usage: probe-detectors.ts DATA_DIR OUT.jsonl [LIMIT]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const limit = limitArg === undefined ? Infinity : Number(limitArg);

const { nets: withStage, withoutStage: rt } = await loadStationNetworks();
const net = withStage.coveredFaces;
if (net === undefined) throw new Error('BlazeFace did not load');
const cfg = DEFAULT_PIPELINE_CONFIG;
const images = [
  ...allCheckImages(dataDir),
  ...readFolder(dataDir, 'negative').map((n) => ({ ...n, label: `negative:${n.label}` })),
].slice(0, limit);
const out = fs.createWriteStream(outArg);
let done = 0;
for (const img of images) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, img.path)));
  const row: Record<string, unknown> = { path: img.path, label: img.label };
  try {
    const a = await analyzeFace(rt, bytes, cfg);
    row.today = { ok: true, stage: a.detectionStage };
  } catch (err) {
    row.today = { ok: false, code: (err as { code?: string }).code ?? String(err) };
  }
  try {
    const decoded = await decodeImage(bytes, validateImage(bytes, cfg.limits), cfg.limits, 1024);
    row.size = [decoded.width, decoded.height];
    const tiny = await detectFaces(rt, decoded, cfg.detector, false);
    row.tiny = tiny.faces.map((f) => ({ ...f.box, score: f.score }));
    for (const pad of [0.05, 0.4]) {
      const faces = await detectCoveredFaces(net, decoded, {
        minScore: 0.3,
        padFractions: [pad],
        maxIou: 0.3,
        tileFractions: [],
        tileMinScore: 1,
      });
      row[`blaze${pad}`] = faces.map((f) => ({ ...f.box, score: f.score }));
    }
  } catch (err) {
    row.error = String(err);
  }
  out.write(JSON.stringify(row) + '\n');
  if (++done % 50 === 0) console.error(`${done}/${images.length}`);
}
out.end();
