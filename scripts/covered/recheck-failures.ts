// Experiment of docs/covered-faces.md: runs the whole pipeline (analyzeFace, covered-face stage
// included) on the images listed in LIST (facedata-relative paths, one a line: the images today's
// pipeline failed on, from probe-detectors.ts's output) and prints one JSON line per image: ok and
// the detector stage, or the FaceAuth error code and message.
//   node --import tsx scripts/covered/recheck-failures.ts ../shared/facedata LIST
import fs from 'node:fs';
import path from 'node:path';
import { loadStationNetworks } from './load-station-networks';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG } from '../../src-main/engine/pipeline/pipeline-config';

const [dataArg, listArg] = process.argv.slice(2);
if (dataArg === undefined || listArg === undefined) {
  console.error('usage: recheck-failures.ts DATA_DIR LIST');
  process.exit(2);
}
const { nets } = await loadStationNetworks();
const files = fs
  .readFileSync(listArg, 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);
for (const p of files) {
  const bytes = new Uint8Array(await fs.promises.readFile(path.join(dataArg, p)));
  try {
    const a = await analyzeFace(nets, bytes, DEFAULT_PIPELINE_CONFIG);
    console.log(JSON.stringify({ p, ok: true, stage: a.detectionStage }));
  } catch (err) {
    const e = err as { code?: string; message?: string };
    console.log(JSON.stringify({ p, ok: false, code: e.code, message: e.message }));
  }
}
