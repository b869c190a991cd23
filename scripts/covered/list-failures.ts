// Runs the whole pipeline (analyzeFace on the ONNX networks, covered-face stage included) on every
// distinct check image and prints one JSON line per image that gets no usable face: its label,
// the FaceAuth error code and message. The last line sums them per label. The quick loop for
// tuning the stage; `eval checks` gives the official counts.
//   node --import tsx scripts/covered/list-failures.ts ../shared/facedata > failures.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { allCheckImages, imageFile } from '../../tools/checks/check-datasets';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG } from '../../src-main/engine/pipeline/pipeline-config';
import { loadStationNetworks } from './load-station-networks';

const [dataArg] = process.argv.slice(2);
if (dataArg === undefined) {
  console.error('usage: list-failures.ts DATA_DIR');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const { nets } = await loadStationNetworks();
const perLabel: Record<string, { images: number; failed: number; covered: number }> = {};
for (const item of allCheckImages(dataDir)) {
  const counts = (perLabel[item.label] ??= { images: 0, failed: 0, covered: 0 });
  counts.images++;
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, item.path)));
  try {
    const a = await analyzeFace(nets, bytes, DEFAULT_PIPELINE_CONFIG);
    if (a.detectionStage === 'covered') counts.covered++;
  } catch (err) {
    counts.failed++;
    const e = err as { code?: string; message?: string };
    console.log(JSON.stringify({ p: item.path, label: item.label, code: e.code, msg: e.message }));
  }
}
console.log(JSON.stringify({ perLabel }));
