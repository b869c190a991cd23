// Calibration of facemesh-landmarks.ts: the mesh vertex nearest a dlib point is not exactly where
// FaceLandmark68Net (whose points the descriptor and the checks were tuned on) puts it. On bare
// faces TinyFaceDetector finds (masks/without_mask, head_cover/none, from FIRST on, so that
// landmarks-under-cover.ts's first 40 stay out of it), the mean offset of each mapped mesh point
// from the 68-point net's, in pixels of the aligned 150 px chip of the 68-point fit. Prints the
// table MESH_OFFSETS_CHIP_PX is copied from.
//   node --import tsx scripts/covered/mesh-offsets.ts ../shared/facedata FIRST COUNT
import fs from 'node:fs';
import path from 'node:path';
import { imageFile, readFolder } from '../../tools/checks/check-datasets';
import { chipTransform } from '../../src-main/engine/align/face-chip';
import { invertTransform } from '../../src-main/engine/align/similarity-transform';
import { chooseFace } from '../../src-main/engine/detect/choose-face';
import { detectFaces } from '../../src-main/engine/detect/detect-faces';
import { decodeImage } from '../../src-main/engine/image/decode-image';
import { validateImage } from '../../src-main/engine/image/validate-image';
import { detectLandmarks } from '../../src-main/engine/landmarks/detect-landmarks';
import { meshLandmarks } from '../../src-main/engine/landmarks/facemesh-landmarks';
import { DEFAULT_PIPELINE_CONFIG as cfg } from '../../src-main/engine/pipeline/pipeline-config';
import { loadStationNetworks } from './load-station-networks';

const [dataArg, firstArg = '40', countArg = '160'] = process.argv.slice(2);
if (dataArg === undefined) {
  console.error('usage: mesh-offsets.ts DATA_DIR FIRST COUNT');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const { nets } = await loadStationNetworks();
const mesh = nets.faceMesh;
if (mesh === undefined) throw new Error('the face mesh did not load');
const bare = [
  ...readFolder(dataDir, 'masks').filter((i) => i.label === 'without_mask'),
  ...readFolder(dataDir, 'head_cover').filter((i) => i.label === 'none'),
].slice(Number(firstArg), Number(firstArg) + Number(countArg));

const sum = Array.from({ length: 68 }, () => ({ x: 0, y: 0 }));
let faces = 0;
for (const item of bare) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, item.path)));
  try {
    const img = await decodeImage(bytes, validateImage(bytes, cfg.limits), cfg.limits, 1024);
    const face = chooseFace((await detectFaces(nets, img, cfg.detector, false)).faces)?.face;
    if (face === undefined) continue;
    const reference = await detectLandmarks(nets, img, face.box, cfg.landmarkCropScale);
    const points = await meshLandmarks(mesh, img, face.box, cfg.meshCropScale, false);
    if (points === undefined) continue;
    const toChip = invertTransform(chipTransform(reference));
    points.forEach((p, i) => {
      const a = toChip(p);
      const b = toChip(reference[i] ?? p);
      const s = sum[i];
      if (s === undefined) return;
      s.x += a.x - b.x;
      s.y += a.y - b.y;
    });
    faces++;
  } catch {
    continue;
  }
}
const table = sum.map((s) => [Number((s.x / faces).toFixed(2)), Number((s.y / faces).toFixed(2))]);
console.log(JSON.stringify({ faces, offsets: table }));
process.exit(0);
