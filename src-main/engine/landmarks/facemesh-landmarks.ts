// The 68 dlib landmark positions read from MediaPipe's face mesh (468 points, trained with
// occluded faces), for faces whose 68-point fit cannot be trusted: FaceLandmark68Net regresses all
// 68 points together, so a mask that flattens the lower half of the face drags the eyes too
// (docs/covered-faces.md, "Do landmarks hold under cover?"). The mesh's points are placed on the
// dlib indices the chip alignment, the quality gate and the checks read; the correspondence is the
// usual one between the two annotation schemes (mesh vertex nearest each dlib point).
import { chipTransform } from '../align/face-chip';
import { applyTransform, invertTransform, type Point2 } from '../align/similarity-transform';
import type { FaceBox } from '../detect/face-box';
import { samplePatch } from '../image/resample';
import type { RgbImage } from '../image/rgb-image';
import type { FaceMeshNet } from '../networks/face-networks';

/** Mesh vertex for each of dlib's 68 points: jaw 0-16, brows 17-26, nose 27-35, eyes 36-47
 *  (the person's right eye first, outer corner first), mouth 48-67. */
export const DLIB_FROM_MESH: readonly number[] = [
  127, 234, 93, 132, 58, 172, 136, 150, 152, 379, 365, 397, 288, 361, 323, 454, 356, 70, 63, 105,
  66, 107, 336, 296, 334, 293, 300, 168, 197, 5, 4, 75, 97, 2, 326, 305, 33, 160, 158, 133, 153,
  144, 362, 385, 387, 263, 373, 380, 61, 39, 37, 0, 267, 269, 291, 405, 314, 17, 84, 181, 78, 82,
  13, 312, 308, 317, 14, 87,
];

/** Mean offset of each mapped mesh point from FaceLandmark68Net's, in pixels of the 150 px chip,
 *  on 124 bare faces of facedata (`scripts/covered/mesh-offsets.ts ../shared/facedata 40 160`; the
 *  drift measurement's 40 faces come first and stay out of it). Largest on the jaw, whose dlib
 *  points sit on the visible contour and the mesh's on the head's outline. */
const MESH_OFFSETS_CHIP_PX: readonly (readonly [number, number])[] = [
  [3.9, 3.73],
  [3.72, -0.77],
  [1.75, -4.19],
  [0.35, -4.67],
  [-1.08, -6.14],
  [-4.22, -6.8],
  [-8.19, -7.07],
  [-13.06, -8.26],
  [1.26, 2.42],
  [15.56, -8.23],
  [11.43, -7.65],
  [7.56, -8.13],
  [4.36, -7.02],
  [1.96, -5.78],
  [0.52, -4.78],
  [-1.23, -1.95],
  [-1.37, 2.58],
  [0.26, 2.03],
  [-1.83, 2.04],
  [-3.17, 1.09],
  [-1.36, 0.9],
  [2.79, -0.59],
  [-2.17, -0.83],
  [2.11, 0.31],
  [4.21, 0.95],
  [2.57, 1.98],
  [0.99, 1.96],
  [0.47, -3.22],
  [0.58, -0.96],
  [0.57, 0.78],
  [0.84, -1.27],
  [-0.42, -0.22],
  [-0.18, 1.44],
  [0.88, 0.59],
  [1.89, 1.99],
  [2.1, -0.3],
  [-1.61, 1.98],
  [-1.64, 1.15],
  [-0.21, 0.76],
  [2.09, 1.83],
  [0.74, 0.93],
  [0, 1.7],
  [-0.17, 1.7],
  [1.72, 0.86],
  [2.69, 1.12],
  [3.36, 0.9],
  [1.44, 1.03],
  [0.52, 1.56],
  [0.45, 0.82],
  [1.68, -0.33],
  [-0.78, 0.79],
  [0.9, 0.86],
  [2.74, 1.22],
  [0.09, -0.77],
  [1.49, 0.59],
  [-0.48, 3.52],
  [0.5, 2.3],
  [1.23, 1.89],
  [1.17, 2.05],
  [2.66, 2.96],
  [2.06, 0.29],
  [2.67, 1.43],
  [0.99, 1.51],
  [-0.23, 1.05],
  [0.54, 0.52],
  [-0.21, 1.41],
  [0.91, 1.12],
  [1.92, 1.23],
];

/** The mesh's face-presence score under which its points are not used. */
export const MIN_MESH_SCORE = 0.5;

/**
 * The 68 dlib points from the face mesh on a square crop of `cropScale` times the box's side,
 * centred on the box, or undefined when the mesh does not see a face there.
 */
export async function meshLandmarks(
  net: FaceMeshNet,
  img: RgbImage,
  box: FaceBox,
  cropScale: number,
  /** Move the points by MESH_OFFSETS_CHIP_PX (false only to measure those offsets). */
  calibrated = true,
): Promise<Point2[] | undefined> {
  const side = Math.max(box.width, box.height) * cropScale;
  const x0 = box.x + box.width / 2 - side / 2;
  const y0 = box.y + box.height / 2 - side / 2;
  const size = net.inputSize;
  const k = side / size;
  const patch = samplePatch(img, size, (u, v) => ({ x: x0 + u * k, y: y0 + v * k }), k);
  const { mesh, faceScore } = await net.run(patch);
  if (!(faceScore >= MIN_MESH_SCORE)) return undefined;
  const points = DLIB_FROM_MESH.map((i) => ({
    x: x0 + (mesh[i * 3] ?? 0) * k,
    y: y0 + (mesh[i * 3 + 1] ?? 0) * k,
  }));
  if (!calibrated) return points;
  // Offsets are in pixels of the aligned chip: take each point there, move it, and back.
  const toImage = chipTransform(points);
  const toChip = invertTransform(toImage);
  return points.map((p, i) => {
    const c = toChip(p);
    const [dx = 0, dy = 0] = MESH_OFFSETS_CHIP_PX[i] ?? [];
    return applyTransform(toImage, { x: c.x - dx, y: c.y - dy });
  });
}
