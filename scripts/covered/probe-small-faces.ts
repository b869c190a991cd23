// Experiment of docs/covered-faces.md: for the faces the covered-face stage finds but the quality
// gate refuses ("eyes < 12 px apart"), the eye distance of the 68-landmark fit next to BlazeFace's
// own eye keypoints, both in original-image pixels, and the fit on a box rebuilt from BlazeFace's
// eyes. Tells a really small face from a landmark fit that collapsed on a good-sized one.
//   node --import tsx scripts/covered/probe-small-faces.ts ../shared/facedata LIST
import fs from 'node:fs';
import path from 'node:path';
import { imageFile } from '../../tools/checks/check-datasets';
import { chooseFace } from '../../src-main/engine/detect/choose-face';
import { detectFaces } from '../../src-main/engine/detect/detect-faces';
import type { FaceBox } from '../../src-main/engine/detect/face-box';
import type { Point2 } from '../../src-main/engine/align/similarity-transform';
import { decodeImage } from '../../src-main/engine/image/decode-image';
import { validateImage } from '../../src-main/engine/image/validate-image';
import { detectLandmarks } from '../../src-main/engine/landmarks/detect-landmarks';
import { DEFAULT_PIPELINE_CONFIG as cfg } from '../../src-main/engine/pipeline/pipeline-config';
import { loadStationNetworks } from './load-station-networks';

const [dataArg, listArg] = process.argv.slice(2);
if (dataArg === undefined || listArg === undefined) {
  console.error('usage: probe-small-faces.ts DATA_DIR LIST');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const { nets } = await loadStationNetworks();
const eyeGap = (l: readonly Point2[]): number => {
  const c = (from: number) => {
    const pts = l.slice(from, from + 6);
    return {
      x: pts.reduce((a, p) => a + p.x, 0) / 6,
      y: pts.reduce((a, p) => a + p.y, 0) / 6,
    };
  };
  const [a, b] = [c(36), c(42)];
  return Math.hypot(a.x - b.x, a.y - b.y);
};
for (const p of fs
  .readFileSync(listArg, 'utf8')
  .split('\n')
  .filter((l) => l.length > 0)) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, p)));
  const img = await decodeImage(bytes, validateImage(bytes, cfg.limits), cfg.limits, 1024);
  const scale = img.originalWidth / img.width;
  const detection = await detectFaces(nets, img, cfg.detector, true);
  const face = chooseFace(detection.faces)?.face;
  if (face === undefined) continue;
  const fit = await detectLandmarks(nets, img, face.box, cfg.landmarkCropScale);
  const row: Record<string, unknown> = {
    p,
    stage: detection.stage,
    size: [img.originalWidth, img.originalHeight],
    box: Math.round(face.box.width * scale),
    fitEyes: Number((eyeGap(fit) * scale).toFixed(1)),
  };
  if (face.eyes !== undefined) {
    const [a, b] = face.eyes;
    const gap = Math.hypot(a.x - b.x, a.y - b.y);
    row.blazeEyes = Number((gap * scale).toFixed(1));
    // dlib's mean face: the eye centres are ~0.4 of the face box apart, ~0.4 down from its top.
    const side = gap / 0.4;
    const box: FaceBox = {
      x: (a.x + b.x) / 2 - side / 2,
      y: (a.y + b.y) / 2 - side * 0.4,
      width: side,
      height: side,
    };
    row.eyeBoxFit = Number((eyeGap(await detectLandmarks(nets, img, box, 1)) * scale).toFixed(1));
  }
  console.log(JSON.stringify(row));
}
