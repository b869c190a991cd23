// The covered-face stage: BlazeFace (MediaPipe's face detector, trained with occluded faces) on a
// grey-letterboxed square copy of the image, run only when TinyFaceDetector found nothing. It
// finds faces behind masks, respirators, scarves and under hard hats and helmets that face-api's
// detectors miss (docs/covered-faces.md has the figures). Its boxes are mapped onto the
// TinyFaceDetector box convention, so the 68-landmark net downstream gets the crop it expects.
import { samplePatch } from '../image/resample';
import type { RgbImage } from '../image/rgb-image';
import { blazeFaceAnchors, decodeBlazeFace, type BlazeFaceDetection } from './blazeface-decode';
import type { CoveredFaceNet } from '../networks/face-networks';
import type { DetectedFace, FaceBox } from './face-box';

export interface CoveredFaceConfig {
  /** Lowest BlazeFace score kept. */
  minScore: number;
  /** Border added on each side of the square, as a fraction of the image's longer side: tight
   *  head crops need context, like in the other detectors' retry. */
  padFractions: readonly number[];
  maxIou: number;
}

/** Measured on facedata (docs/covered-faces.md): with letterbox pads 0.4 then 1.2, the best
 *  score BlazeFace gives any of the 13 photos without a face (caps and sunglasses on their own
 *  included) is 0.64, and at 0.72 it finds 54 of the 77 decodable check images the other
 *  detectors miss; four pads (0.05, 0.4, 0.8, 1.2) find 55 at twice the cost, and their best
 *  no-face score is 0.68. The wide letterbox finds the tight helmet crops. */
export const DEFAULT_COVERED_FACE_CONFIG: CoveredFaceConfig = {
  minScore: 0.72,
  padFractions: [0.4, 1.2],
  maxIou: 0.3,
};

/**
 * BlazeFace's box is a tighter square than TinyFaceDetector's, whose box the landmark crop was
 * tuned on. Centre shift (fraction of BlazeFace's side, down) and size ratio: medians over the
 * 90 faces of facedata's masks/ and head_cover/ that both detectors found, one face each
 * (scripts/covered/probe-detectors.ts; docs/covered-faces.md).
 */
export const BLAZE_TO_TINY = { dy: 0.04, scale: 1.15 };

const GREY = 128;

/** Samples the square letterbox: image centred, grey outside, `side` image pixels across. */
function letterbox(img: RgbImage, size: number, side: number): Uint8Array {
  const x0 = (img.width - side) / 2;
  const y0 = (img.height - side) / 2;
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

/** Signed yaw proxy from BlazeFace's keypoints (0: right eye, 1: left eye, 2: nose tip). */
export function keypointYaw(keypoints: readonly { x: number; y: number }[]): number {
  const [a, b, nose] = keypoints;
  if (a === undefined || b === undefined || nose === undefined) return 0;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const eyes = Math.hypot(dx, dy) || 1;
  // The nose offset projected on the eye axis, so that a tilted head does not read as turned.
  return ((nose.x - (a.x + b.x) / 2) * dx + (nose.y - (a.y + b.y) / 2) * dy) / (eyes * eyes);
}

function eyesInImage(
  d: BlazeFaceDetection,
  img: RgbImage,
  size: number,
  side: number,
): readonly [{ x: number; y: number }, { x: number; y: number }] {
  const k = side / size;
  const x0 = (img.width - side) / 2;
  const y0 = (img.height - side) / 2;
  const at = (i: number) => {
    const p = d.keypoints[i] ?? { x: 0, y: 0 };
    return { x: x0 + p.x * k, y: y0 + p.y * k };
  };
  return [at(0), at(1)];
}

function toImageBox(d: BlazeFaceDetection, img: RgbImage, size: number, side: number): FaceBox {
  const k = side / size;
  const x0 = (img.width - side) / 2;
  const y0 = (img.height - side) / 2;
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
    box: {
      x: f.box.x * scale,
      y: f.box.y * scale,
      width: f.box.width * scale,
      height: f.box.height * scale,
    },
    ...(f.eyes === undefined ? {} : { eyes: [p(f.eyes[0]), p(f.eyes[1])] as const }),
  };
}

/** Faces BlazeFace finds in `img`, boxes in `img` pixels, best first; stops at the first
 *  letterbox padding that finds any. */
export async function detectCoveredFaces(
  net: CoveredFaceNet,
  img: RgbImage,
  cfg: CoveredFaceConfig = DEFAULT_COVERED_FACE_CONFIG,
): Promise<DetectedFace[]> {
  const size = net.inputSize;
  const anchors = blazeFaceAnchors(size);
  for (const pad of cfg.padFractions) {
    const side = Math.max(img.width, img.height) * (1 + 2 * pad);
    const raw = await net.run(letterbox(img, size, side));
    const found = decodeBlazeFace(raw, anchors, cfg.minScore, cfg.maxIou);
    if (found.length > 0) {
      return found.map((d) => ({
        box: toImageBox(d, img, size, side),
        score: d.score,
        detector: 'blazeface' as const,
        yaw: keypointYaw(d.keypoints),
        eyes: eyesInImage(d, img, size, side),
      }));
    }
  }
  return [];
}
