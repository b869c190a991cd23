// Which landmark model fits a face: FaceLandmark68Net (face-api's, what the descriptor and the
// checks were tuned on) for faces the first detectors find; MediaPipe's face mesh for faces only
// the covered-face stage finds, which are mostly masked, where the 68-point net drags the eyes
// with the hidden mouth (docs/covered-faces.md: mask drift 15.7 px with the 68-point net, 6.3 with
// the mesh). The 68-point net answers when the mesh is not loaded (TensorFlow.js engine) or does
// not see a face in its crop.
import type { Point2 } from '../align/similarity-transform';
import type { FaceBox } from '../detect/face-box';
import type { RgbImage } from '../image/rgb-image';
import type { FaceNetworks } from '../networks/face-networks';
import { detectLandmarks, landmarkBox } from './detect-landmarks';
import { meshLandmarks } from './facemesh-landmarks';

/** Faces whose landmarks come from the face mesh: none, those the covered stage found, or all. */
export type MeshLandmarksFor = 'never' | 'covered' | 'always';

export interface LandmarkConfig {
  /** 68-point crop side as a multiple of the detector box's longer side. */
  landmarkCropScale: number;
  /** Run the 68-point net a second time on a crop re-centred on the first landmarks. */
  refineLandmarks: boolean;
  meshLandmarksFor: MeshLandmarksFor;
  /** Face mesh crop side as a multiple of the box's longer side. */
  meshCropScale: number;
}

export interface FittedLandmarks {
  points: Point2[];
  source: 'landmarks68' | 'facemesh';
}

export async function fitLandmarks(
  nets: FaceNetworks,
  img: RgbImage,
  box: FaceBox,
  detectionStage: string,
  cfg: LandmarkConfig,
): Promise<FittedLandmarks> {
  const wantsMesh =
    cfg.meshLandmarksFor === 'always' ||
    (cfg.meshLandmarksFor === 'covered' && detectionStage === 'covered');
  if (wantsMesh && nets.faceMesh !== undefined) {
    const points = await meshLandmarks(nets.faceMesh, img, box, cfg.meshCropScale);
    if (points !== undefined) return { points, source: 'facemesh' };
  }
  let points = await detectLandmarks(nets, img, box, cfg.landmarkCropScale);
  if (cfg.refineLandmarks) points = await detectLandmarks(nets, img, landmarkBox(points), 1.2);
  return { points, source: 'landmarks68' };
}
