// 68-point landmarks with FaceLandmark68Net (through FaceNetworks) on a square crop centred on the face box.
// The crop is cut here (not by face-api's extractFaces, which pads non-square boxes at the bottom
// right) so that the face sits centred, as in the network's training crops.
import type { Point2 } from '../align/similarity-transform';
import { samplePatch } from '../image/resample';
import type { RgbImage } from '../image/rgb-image';
import type { FaceBox } from '../detect/face-box';
import { LANDMARK_INPUT, type FaceNetworks } from '../networks/face-networks';

export async function detectLandmarks(
  nets: FaceNetworks,
  img: RgbImage,
  box: FaceBox,
  cropScale: number,
): Promise<Point2[]> {
  const side = Math.max(box.width, box.height) * cropScale;
  const x0 = box.x + box.width / 2 - side / 2;
  const y0 = box.y + box.height / 2 - side / 2;
  const k = side / LANDMARK_INPUT;
  const patch = samplePatch(img, LANDMARK_INPUT, (u, v) => ({ x: x0 + u * k, y: y0 + v * k }), k);
  const points = await nets.landmarks68(patch);
  return points.map((p) => ({ x: x0 + p.x * k, y: y0 + p.y * k }));
}

/** The box spanned by landmarks, used to re-centre the crop for a second, finer pass. */
export function landmarkBox(points: readonly Point2[]): FaceBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
