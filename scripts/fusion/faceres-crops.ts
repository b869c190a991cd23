// The two ways the experiment hands a face to faceres, both cut from the engine's own 68
// landmarks (so both networks see the same detected face):
//   box     - what human does: BlazeFace's box enlarged 1.4x and squared, NOT rotated
//             (human's config: face.detector.scale 1.4, rotation false), resized to 224. The
//             68-landmark bounding box stands in for BlazeFace's box (both run brow to chin,
//             cheek to cheek);
//   aligned - dlib's similarity alignment (the engine's chip, rotation removed) at 224 px with
//             padding 0.2, i.e. the same 1.4x face width as `box`, upright.
import { chipTransform, extractChip } from '../../src-main/engine/align/face-chip';
import type { Point2 } from '../../src-main/engine/align/similarity-transform';
import type { RgbImage } from '../../src-main/engine/image/rgb-image';
import { samplePatch } from '../../src-main/engine/image/resample';
import { FACERES_INPUT } from './faceres-net';

export const FACERES_CROPS = ['box', 'aligned'] as const;
export type FaceresCrop = (typeof FACERES_CROPS)[number];

const BOX_ENLARGE = 1.4;
const ALIGNED_PADDING = 0.2;

export function faceresPatch(img: RgbImage, landmarks: readonly Point2[], crop: FaceresCrop) {
  if (crop === 'aligned') {
    const transform = chipTransform(landmarks, FACERES_INPUT, ALIGNED_PADDING);
    return extractChip(img, transform, FACERES_INPUT);
  }
  const xs = landmarks.map((p) => p.x);
  const ys = landmarks.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const side = BOX_ENLARGE * Math.max(x1 - x0, y1 - y0);
  const left = (x0 + x1) / 2 - side / 2;
  const top = (y0 + y1) / 2 - side / 2;
  const step = side / FACERES_INPUT;
  return samplePatch(
    img,
    FACERES_INPUT,
    (u, v) => ({ x: left + u * step, y: top + v * step }),
    step,
  );
}
