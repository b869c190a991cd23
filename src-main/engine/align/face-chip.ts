// Cuts the 150x150 "face chip" the recognition network was trained on. face-api's
// FaceRecognitionNet is a port of dlib's ResNet face descriptor, whose training chips come from
// dlib's get_face_chip_details(shape, 150, 0.25): a similarity transform that puts 33 of the 68
// landmarks (nose, eyes, outer mouth; not jaw, brows or lower lip) on dlib's mean face. Feeding
// the network chips cut the same way (rotation removed, same scale and margin) rather than the
// unrotated box that face-api's stock pipeline crops is what this module is for.
import type { RgbImage } from '../image/rgb-image';
import { samplePatch } from '../image/resample';
import {
  fitSimilarity,
  applyTransform,
  type Point2,
  type SimilarityTransform,
} from './similarity-transform';

export const CHIP_SIZE = 150;
export const CHIP_PADDING = 0.25;

/** dlib's mean face, landmarks 17..67 in the unit square (dlib/image_transforms/interpolation.h). */
const MEAN_X = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991,
  0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373,
  0.121737, 0.187122, 0.265825, 0.334606, 0.260918, 0.182743, 0.645647, 0.714428, 0.793132,
  0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104,
  0.642159, 0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157,
  0.689874, 0.553364, 0.490127, 0.42689,
];
const MEAN_Y = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915,
  0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345,
  0.587326, 0.216423, 0.178758, 0.179852, 0.231733, 0.245099, 0.244077, 0.231733, 0.179852,
  0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405, 0.727388, 0.742578, 0.727388,
  0.745405, 0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746,
  0.785343, 0.778746, 0.784792, 0.824182, 0.831803, 0.824182,
];

/** Landmark indices dlib aligns on: 27..54 and 60..64 (brows, lower lip and jaw are skipped). */
export const ALIGNMENT_LANDMARKS: readonly number[] = Array.from({ length: 51 }, (_, k) => k + 17)
  .filter((i) => i >= 27)
  .filter((i) => !((i >= 55 && i <= 59) || (i >= 65 && i <= 67)));

function templatePoint(index: number, size: number, padding: number): Point2 {
  const mx = MEAN_X[index - 17] ?? 0;
  const my = MEAN_Y[index - 17] ?? 0;
  return {
    x: ((padding + mx) / (2 * padding + 1)) * size,
    y: ((padding + my) / (2 * padding + 1)) * size,
  };
}

/** The eyes only (36..47): what alignment can trust when a mask hides the nose and the mouth. */
export const EYE_ALIGNMENT_LANDMARKS: readonly number[] = Array.from(
  { length: 12 },
  (_, k) => k + 36,
);

/** The chip transform from the two eye centres alone (the person's right eye first): for faces
 *  whose 68 landmarks cannot be trusted because a mask hides half of the face. */
export function eyeChipTransform(
  eyes: readonly [Point2, Point2],
  size = CHIP_SIZE,
  padding = CHIP_PADDING,
): SimilarityTransform {
  const centre = (from: number): Point2 => {
    const pts = Array.from({ length: 6 }, (_, k) => templatePoint(from + k, size, padding));
    return {
      x: pts.reduce((a, p) => a + p.x, 0) / 6,
      y: pts.reduce((a, p) => a + p.y, 0) / 6,
    };
  };
  return fitSimilarity([centre(36), centre(42)], [eyes[0], eyes[1]]);
}

/** The transform from chip pixel coordinates to image coordinates for 68 landmarks. */
export function chipTransform(
  landmarks68: readonly Point2[],
  size = CHIP_SIZE,
  padding = CHIP_PADDING,
  indices: readonly number[] = ALIGNMENT_LANDMARKS,
): SimilarityTransform {
  if (landmarks68.length !== 68)
    throw new Error(`expected 68 landmarks, got ${landmarks68.length}`);
  const from = indices.map((i) => templatePoint(i, size, padding));
  const to = indices.map((i) => landmarks68[i] ?? { x: 0, y: 0 });
  return fitSimilarity(from, to);
}

/** Cuts the aligned chip; `mirror` flips it left-right (for mirrored-descriptor averaging). */
export function extractChip(
  img: RgbImage,
  transform: SimilarityTransform,
  size = CHIP_SIZE,
  mirror = false,
): Uint8Array {
  const scale = Math.hypot(transform.a, transform.b);
  return samplePatch(
    img,
    size,
    (u, v) => applyTransform(transform, { x: mirror ? size - 1 - u : u, y: v }),
    scale,
  );
}
