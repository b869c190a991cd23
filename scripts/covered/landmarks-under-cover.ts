// Experiment of docs/covered-faces.md: do detection and alignment hold when the mouth or the
// forehead is hidden? On bare faces TinyFaceDetector finds (masks/without_mask, head_cover/none),
// the 68 landmarks of the bare face are the reference; a synthetic mask (nose bridge to jaw) or
// brim (everything above the brows) is painted on, and the covered copy goes through today's
// detector chain and through the covered-face stage (BlazeFace). Prints, per cover and path, how
// many faces were found and the alignment drift (chip pixels, alignment-drift.ts) against the
// bare face's landmarks. `-mesh` paths take the 68 points from MediaPipe's face mesh instead of
// FaceLandmark68Net, on a crop of MESH_CROP times the same box (facemesh-landmarks.ts).
//   node --import tsx scripts/covered/landmarks-under-cover.ts ../shared/facedata [LIMIT] [MESH_CROP]
import fs from 'node:fs';
import path from 'node:path';
import { imageFile, readFolder } from '../../tools/checks/check-datasets';
import { loadStationNetworks } from './load-station-networks';
import { DEFAULT_PIPELINE_CONFIG } from '../../src-main/engine/pipeline/pipeline-config';
import { validateImage } from '../../src-main/engine/image/validate-image';
import { decodeImage } from '../../src-main/engine/image/decode-image';
import { detectFaces } from '../../src-main/engine/detect/detect-faces';
import { chooseFace } from '../../src-main/engine/detect/choose-face';
import { detectCoveredFaces } from '../../src-main/engine/detect/covered-face-detector';
import { detectLandmarks } from '../../src-main/engine/landmarks/detect-landmarks';
import { drawCover, type SyntheticCover } from '../../tools/evaluation/synthetic-cover';
import { alignmentDrift } from '../../tools/evaluation/alignment-drift';
import { EYE_ALIGNMENT_LANDMARKS, eyeChipTransform } from '../../src-main/engine/align/face-chip';
import type { SimilarityTransform } from '../../src-main/engine/align/similarity-transform';
import type { RgbImage } from '../../src-main/engine/image/rgb-image';
import type { Point2 } from '../../src-main/engine/align/similarity-transform';
import type { FaceBox } from '../../src-main/engine/detect/face-box';
import { meshLandmarks } from '../../src-main/engine/landmarks/facemesh-landmarks';

const [dataArg, limitArg, meshCropArg = '1.4'] = process.argv.slice(2);
const meshCrop = Number(meshCropArg);
if (dataArg === undefined) {
  console.error('usage: landmarks-under-cover.ts DATA_DIR [LIMIT]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const limit = limitArg === undefined ? Infinity : Number(limitArg);
const cfg = DEFAULT_PIPELINE_CONFIG;
// Today's chain: the same networks without the covered-face stage.
const { nets: rt, withoutStage: todayRt } = await loadStationNetworks();
const loadedNet = rt.coveredFaces;
if (loadedNet === undefined) throw new Error('BlazeFace did not load');
const net = loadedNet;
const mesh = rt.faceMesh;
if (mesh === undefined) throw new Error('the face mesh did not load');
const meshNet = mesh;

const bare = [
  ...readFolder(dataDir, 'masks').filter((i) => i.label === 'without_mask'),
  ...readFolder(dataDir, 'head_cover').filter((i) => i.label === 'none'),
].slice(0, limit);

type Path = 'today' | 'covered';
/** Alignment on the eyes only, against the bare face's full alignment. */
const EYES = EYE_ALIGNMENT_LANDMARKS;
const results: Record<string, { found: number; tried: number; drift: number[] }> = {};
const record = (key: string, drift: number | undefined): void => {
  const r = (results[key] ??= { found: 0, tried: 0, drift: [] });
  r.tried++;
  if (drift !== undefined) {
    r.found++;
    r.drift.push(drift);
  }
};

let blazeEyes: SimilarityTransform | undefined;
/** The box the last landmarksVia call fitted on, for the mesh on the same face. */
let lastBox: FaceBox | undefined;
async function landmarksVia(p: Path, img: RgbImage): Promise<Point2[] | undefined> {
  lastBox = undefined;
  const faces =
    p === 'today'
      ? (await detectFaces(todayRt, img, cfg.detector, true)).faces
      : await detectCoveredFaces(net, img, cfg.detector.covered);
  const choice = chooseFace(faces);
  if (choice === undefined) return undefined;
  // BlazeFace's own eye keypoints: an alignment that does not go through the 68-point net.
  const eyes = choice.face.eyes;
  blazeEyes = eyes === undefined ? undefined : eyeChipTransform(eyes);
  lastBox = choice.face.box;
  return detectLandmarks(rt, img, choice.face.box, cfg.landmarkCropScale);
}

for (const item of bare) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, item.path)));
  let img: RgbImage;
  try {
    img = await decodeImage(
      bytes,
      validateImage(bytes, cfg.limits),
      cfg.limits,
      cfg.maxWorkingSide,
    );
  } catch {
    continue;
  }
  const tiny = chooseFace((await detectFaces(rt, img, cfg.detector, false)).faces);
  if (tiny === undefined) continue;
  const reference = await detectLandmarks(rt, img, tiny.face.box, cfg.landmarkCropScale);
  const bareCovered = await landmarksVia('covered', img);
  record('none/covered', bareCovered && alignmentDrift(reference, bareCovered));
  record('none/covered-eyes', bareCovered && alignmentDrift(reference, bareCovered, EYES));
  record('none/blaze-eyes', blazeEyes && alignmentDrift(reference, blazeEyes));
  const viaMesh = async (box: FaceBox | undefined, on: RgbImage) =>
    box && (await meshLandmarks(meshNet, on, box, meshCrop));
  const meshBare = await viaMesh(tiny.face.box, img);
  record('none/today-mesh', meshBare && alignmentDrift(reference, meshBare));
  const meshBareCovered = await viaMesh(bareCovered && lastBox, img);
  record('none/covered-mesh', meshBareCovered && alignmentDrift(reference, meshBareCovered));
  for (const cover of ['mask', 'brim'] as SyntheticCover[]) {
    const covered = drawCover(img, reference, cover);
    for (const p of ['today', 'covered'] as Path[]) {
      const l = await landmarksVia(p, covered);
      record(`${cover}/${p}`, l && alignmentDrift(reference, l));
      record(`${cover}/${p}-eyes`, l && alignmentDrift(reference, l, EYES));
      const m = await viaMesh(l && lastBox, covered);
      record(`${cover}/${p}-mesh`, m && alignmentDrift(reference, m));
      if (p === 'covered')
        record(`${cover}/blaze-eyes`, blazeEyes && alignmentDrift(reference, blazeEyes));
    }
  }
}

const q = (xs: number[], f: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? NaN).toFixed(2));
};
const out = Object.fromEntries(
  Object.entries(results).map(([k, r]) => [
    k,
    {
      found: r.found,
      tried: r.tried,
      drift_p50: q(r.drift, 0.5),
      drift_p90: q(r.drift, 0.9),
      drift_over_6px: r.drift.filter((d) => d > 6).length,
    },
  ]),
);
console.log(JSON.stringify(out, null, 2));
