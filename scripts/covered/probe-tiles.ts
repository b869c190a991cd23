// Experiment of docs/covered-faces.md (multi-scale crops): for each image in LIST (facedata-
// relative paths, one a line, e.g. the no_face rows of list-failures.ts) and every negative/no_face
// photo, the best BlazeFace score on overlapping tiles of each size, on the working copy the
// stage sees (≤ fallbackMaxSide). The tile cut must stay above every no-face photo's best score.
//   node --import tsx scripts/covered/probe-tiles.ts ../shared/facedata LIST
import fs from 'node:fs';
import path from 'node:path';
import { imageFile, readFolder } from '../../tools/checks/check-datasets';
import { detectCoveredFaces } from '../../src-main/engine/detect/covered-face-detector';
import { decodeImage } from '../../src-main/engine/image/decode-image';
import { shrinkToFit } from '../../src-main/engine/image/resample';
import { validateImage } from '../../src-main/engine/image/validate-image';
import { DEFAULT_PIPELINE_CONFIG as cfg } from '../../src-main/engine/pipeline/pipeline-config';
import { loadStationNetworks } from './load-station-networks';

const [dataArg, listArg] = process.argv.slice(2);
if (dataArg === undefined || listArg === undefined) {
  console.error('usage: probe-tiles.ts DATA_DIR LIST');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const { nets } = await loadStationNetworks();
const net = nets.coveredFaces;
if (net === undefined) throw new Error('BlazeFace did not load');
const listed = fs
  .readFileSync(listArg, 'utf8')
  .split('\n')
  .filter((l) => l.length > 0);
const negatives = readFolder(dataDir, 'negative')
  .filter((r) => r.label === 'no_face')
  .map((r) => r.path);
for (const p of [...listed, ...negatives]) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, p)));
  const img = await decodeImage(bytes, validateImage(bytes, cfg.limits), cfg.limits, 1024);
  const { image: small } = await shrinkToFit(img, cfg.detector.fallbackMaxSide);
  const row: Record<string, unknown> = { p, negative: negatives.includes(p) };
  for (const fraction of [0.5, 0.35]) {
    const faces = await detectCoveredFaces(net, small, {
      minScore: 0.3,
      padFractions: [],
      maxIou: 0.3,
      tileFractions: [fraction],
      tileMinScore: 0.3,
    });
    row[`t${fraction}`] = Number((faces[0]?.score ?? 0).toFixed(3));
  }
  console.log(JSON.stringify(row));
}
