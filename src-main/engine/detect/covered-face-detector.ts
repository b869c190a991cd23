// The covered-face stage: BlazeFace (MediaPipe's face detector, trained with occluded faces) on a
// grey-letterboxed square copy of the image, run only when TinyFaceDetector found nothing. It
// finds faces behind masks, respirators, scarves and under hard hats and helmets that face-api's
// detectors miss (docs/covered-faces.md has the figures). Its boxes are mapped onto the
// TinyFaceDetector box convention, so the 68-landmark net downstream gets the crop it expects.
import { samplePatch } from '../image/resample';
import type { RgbImage } from '../image/rgb-image';
import { blazeFaceAnchors, decodeBlazeFace, type BlazeFaceDetection } from './blazeface-decode';
import type { CoveredFaceNet } from '../networks/face-networks';
import { scaleBox, type DetectedFace, type FaceBox } from './face-box';

export interface CoveredFaceConfig {
  /** Lowest BlazeFace score kept. */
  minScore: number;
  /** Border added on each side of the square, as a fraction of the image's longer side: tight
   *  head crops need context, like in the other detectors' retry. */
  padFractions: readonly number[];
  maxIou: number;
  /** Then, when no letterbox found a face: overlapping square tiles of this share of the longer
   *  side (empty: none). Small heads in wide site photos are too small for BlazeFace once the
   *  whole photo is squeezed into 256 px; a tile brings them back to a size it sees. */
  tileFractions: readonly number[];
  /** Lowest score kept on a tile: above the letterboxes' cut, since many more windows are seen. */
  tileMinScore: number;
}

/** Measured on facedata (docs/covered-faces.md): with letterbox pads 0.4 then 1.2, the best
 *  score BlazeFace gives any of the 13 photos without a face (caps and sunglasses on their own
 *  included) is 0.64, and at 0.72 it finds 54 of the 77 decodable check images the other
 *  detectors miss; four pads (0.05, 0.4, 0.8, 1.2) find 55 at twice the cost, and their best
 *  no-face score is 0.68. The wide letterbox finds the tight helmet crops. Tiles of 0.35 of the
 *  longer side (scripts/covered/probe-tiles.ts): best no-face score 0.687, so their cut would be
 *  0.75; they find 3 of the 24 images still without a face (0.76-0.82), but all three faces
 *  have eyes 2-10 px apart and the quality gate refuses them, so tiles are off (12 more passes
 *  on every face-free image for nothing). */
export const DEFAULT_COVERED_FACE_CONFIG: CoveredFaceConfig = {
  minScore: 0.72,
  padFractions: [0.4, 1.2],
  maxIou: 0.3,
  tileFractions: [],
  tileMinScore: 0.75,
};

/**
 * BlazeFace's box is a tighter square than TinyFaceDetector's, whose box the landmark crop was
 * tuned on. Centre shift (fraction of BlazeFace's side, down) and size ratio: medians over the
 * 90 faces of facedata's masks/ and head_cover/ that both detectors found, one face each
 * (scripts/covered/probe-detectors.ts; docs/covered-faces.md).
 */
export const BLAZE_TO_TINY = { dy: 0.04, scale: 1.15 };

const GREY = 128;

/** A square window on the image, in image pixels; it may reach outside (grey there). */
interface Window {
  x0: number;
  y0: number;
  side: number;
}

/** The image centred in a square `side` pixels across. */
function centred(img: RgbImage, side: number): Window {
  return { x0: (img.width - side) / 2, y0: (img.height - side) / 2, side };
}

/** Square tiles of `fraction` of the longer side covering the image, overlapping by at least a
 *  third of a tile so a head on a seam is whole in one of them. */
export function tileWindows(img: RgbImage, fraction: number): Window[] {
  const side = Math.max(img.width, img.height) * fraction;
  const starts = (length: number): number[] => {
    if (length <= side) return [(length - side) / 2];
    const n = Math.ceil((length - side) / (side * (2 / 3))) + 1;
    return Array.from({ length: n }, (_, i) => ((length - side) * i) / (n - 1));
  };
  return starts(img.height).flatMap((y0) => starts(img.width).map((x0) => ({ x0, y0, side })));
}

/** Samples the square window to size², grey outside the image. */
function letterbox(img: RgbImage, size: number, win: Window): Uint8Array {
  const { x0, y0, side } = win;
  const k = side / size;
  const patch = samplePatch(img, size, (u, v) => ({ x: x0 + u * k, y: y0 + v * k }), k);
  for (let v = 0; v < size; v++) {
    const y = y0 + (v + 0.5) * k;
    const rowOutside = y < 0 || y >= img.height;
    for (let u = 0; u < size; u++) {
      const x = x0 + (u + 0.5) * k;
      if (rowOutside || x < 0 || x >= img.width)
        patch.fill(GREY, (v * size + u) * 3, (v * size + u) * 3 + 3);
    }
  }
  return patch;
}

/**
 * Signed yaw proxy from BlazeFace's keypoints (0: right eye, 1: left eye, 4: right ear tragion,
 * 5: left ear tragion): how far the eyes' midpoint sits from the ears' midpoint, along the ear
 * axis, as a share of the ear distance. The eyes lie some 9 cm in front of the ear axis on a head
 * about 15 cm wide, so the proxy is about 0.6 tan(yaw). Ears, not the nose tip: a mask bulges in
 * front of the nose and BlazeFace places the nose on the mask, so the nose offset read a masked
 * face turned by 20° as turned away (docs/covered-faces.md, "Live guidance").
 */
export function keypointYaw(keypoints: readonly { x: number; y: number }[]): number {
  const [rightEye, leftEye, , , rightEar, leftEar] = keypoints;
  if (
    rightEye === undefined ||
    leftEye === undefined ||
    rightEar === undefined ||
    leftEar === undefined
  )
    return 0;
  const dx = leftEar.x - rightEar.x;
  const dy = leftEar.y - rightEar.y;
  const ears = Math.hypot(dx, dy) || 1;
  const ox = (rightEye.x + leftEye.x) / 2 - (rightEar.x + leftEar.x) / 2;
  const oy = (rightEye.y + leftEye.y) / 2 - (rightEar.y + leftEar.y) / 2;
  // Projected on the ear axis, so that a tilted head does not read as turned.
  return (ox * dx + oy * dy) / (ears * ears);
}

function eyesInImage(
  d: BlazeFaceDetection,
  size: number,
  { x0, y0, side }: Window,
): readonly [{ x: number; y: number }, { x: number; y: number }] {
  const k = side / size;
  const at = (i: number) => {
    const p = d.keypoints[i] ?? { x: 0, y: 0 };
    return { x: x0 + p.x * k, y: y0 + p.y * k };
  };
  return [at(0), at(1)];
}

function toImageBox(d: BlazeFaceDetection, size: number, { x0, y0, side }: Window): FaceBox {
  const k = side / size;
  const s = Math.max(d.width, d.height) * k * BLAZE_TO_TINY.scale;
  const cx = x0 + (d.x + d.width / 2) * k;
  const cy = y0 + (d.y + d.height / 2) * k + BLAZE_TO_TINY.dy * Math.max(d.width, d.height) * k;
  return { x: cx - s / 2, y: cy - s / 2, width: s, height: s };
}

/** The face with every coordinate multiplied by `scale` (back to a larger copy's pixels). */
export function scaleFace(f: DetectedFace, scale: number): DetectedFace {
  const p = (q: { x: number; y: number }) => ({ x: q.x * scale, y: q.y * scale });
  return {
    ...f,
    box: scaleBox(f.box, scale),
    ...(f.eyes === undefined ? {} : { eyes: [p(f.eyes[0]), p(f.eyes[1])] as const }),
  };
}

/** Faces BlazeFace finds in `img`, boxes in `img` pixels, best first; stops at the first
 *  window (letterbox padding, then tile size) that finds any. */
export async function detectCoveredFaces(
  net: CoveredFaceNet,
  img: RgbImage,
  cfg: CoveredFaceConfig = DEFAULT_COVERED_FACE_CONFIG,
): Promise<DetectedFace[]> {
  const size = net.inputSize;
  const anchors = blazeFaceAnchors(size);
  const longer = Math.max(img.width, img.height);
  const passes: { windows: Window[]; minScore: number }[] = [
    ...cfg.padFractions.map((pad) => ({
      windows: [centred(img, longer * (1 + 2 * pad))],
      minScore: cfg.minScore,
    })),
    ...cfg.tileFractions.map((fraction) => ({
      windows: tileWindows(img, fraction),
      minScore: cfg.tileMinScore,
    })),
  ];
  for (const { windows, minScore } of passes) {
    const found: DetectedFace[] = [];
    for (const win of windows) {
      const raw = await net.run(letterbox(img, size, win));
      for (const d of decodeBlazeFace(raw, anchors, minScore, cfg.maxIou)) {
        found.push({
          box: toImageBox(d, size, win),
          score: d.score,
          detector: 'blazeface' as const,
          yaw: keypointYaw(d.keypoints),
          eyes: eyesInImage(d, size, win),
        });
      }
    }
    if (found.length > 0) return windows.length > 1 ? dedupe(found, cfg.maxIou) : found;
  }
  return [];
}

const iou = (a: FaceBox, b: FaceBox): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
};

/** The same head seen in two overlapping tiles counts once (the higher score). */
function dedupe(faces: DetectedFace[], maxIou: number): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const f of [...faces].sort((a, b) => b.score - a.score)) {
    if (kept.every((k) => iou(k.box, f.box) <= maxIou)) kept.push(f);
  }
  return kept;
}
