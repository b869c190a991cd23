// Face detection: TinyFaceDetector first (about as accurate as SsdMobilenetv1 on our data and
// several times faster), then, only when it finds nothing, the same on a grey-padded copy (tight
// crops where the face fills the frame are invisible to both detectors without context), then
// SsdMobilenetv1 on the padded copy, then BlazeFace for faces behind masks and under helmets
// (covered-face-detector.ts; it runs only when all the others found nothing, so every face found
// before it keeps exactly its box). Live frames almost always stop at step 1.
import type { FaceNetworks } from '../networks/face-networks';
import { padImage, shrinkToFit } from '../image/resample';
import type { RgbImage } from '../image/rgb-image';
import { scaleBox, type DetectedFace } from './face-box';
import {
  DEFAULT_COVERED_FACE_CONFIG,
  detectCoveredFaces,
  scaleFace,
  type CoveredFaceConfig,
} from './covered-face-detector';

export interface DetectorConfig {
  tinyInputSize: number;
  tinyScoreThreshold: number;
  /** Border added on each side for the retry, as a fraction of the longer side. */
  padFraction: number;
  /** The fallback passes work on a copy shrunk to this longer side before padding. */
  fallbackMaxSide: number;
  ssdMinConfidence: number;
  /** The covered-face stage (BlazeFace), the last fallback. */
  covered: CoveredFaceConfig;
}

export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = {
  tinyInputSize: 320,
  tinyScoreThreshold: 0.5,
  padFraction: 0.4,
  fallbackMaxSide: 512,
  ssdMinConfidence: 0.5,
  covered: DEFAULT_COVERED_FACE_CONFIG,
};

type Stage = 'tiny' | 'tiny-padded' | 'ssd-padded' | 'covered';

async function run(
  nets: FaceNetworks,
  img: RgbImage,
  detector: 'tiny' | 'ssd',
  cfg: DetectorConfig,
): Promise<DetectedFace[]> {
  const found =
    detector === 'tiny'
      ? await nets.tinyFaces(img, {
          inputSize: cfg.tinyInputSize,
          scoreThreshold: cfg.tinyScoreThreshold,
        })
      : await nets.ssdFaces(img, { minConfidence: cfg.ssdMinConfidence });
  return found.map((d) => ({ box: d.box, score: d.score, detector }));
}

export interface DetectionResult {
  faces: DetectedFace[];
  stage: Stage | 'none';
}

/**
 * Finds faces in `img`; boxes are always in `img` coordinates. `fallbacks` false keeps to the
 * single cheap pass (live preview).
 */
export async function detectFaces(
  nets: FaceNetworks,
  img: RgbImage,
  cfg: DetectorConfig,
  fallbacks: boolean,
): Promise<DetectionResult> {
  const direct = await run(nets, img, 'tiny', cfg);
  if (direct.length > 0 || !fallbacks) {
    return { faces: direct, stage: direct.length > 0 ? 'tiny' : 'none' };
  }
  // Both detectors shrink their input to a few hundred pixels anyway; padding a shrunken copy
  // keeps the fallback's cost independent of the photo's size.
  const { image: small, scale } = await shrinkToFit(img, cfg.fallbackMaxSide);
  const pad = Math.round(Math.max(small.width, small.height) * cfg.padFraction);
  const padded = padImage(small, pad);
  const unpad = (faces: DetectedFace[]): DetectedFace[] =>
    faces.map((f) => ({
      ...f,
      box: scaleBox(f.box, scale, pad, pad),
    }));
  const tinyPadded = await run(nets, padded, 'tiny', cfg);
  if (tinyPadded.length > 0) return { faces: unpad(tinyPadded), stage: 'tiny-padded' };
  if (nets.ssdLoaded) {
    const ssdPadded = await run(nets, padded, 'ssd', cfg);
    if (ssdPadded.length > 0) return { faces: unpad(ssdPadded), stage: 'ssd-padded' };
  }
  if (nets.coveredFaces === undefined) return { faces: [], stage: 'none' };
  const covered = await detectCoveredFaces(nets.coveredFaces, small, cfg.covered);
  return {
    faces: covered.map((f) => scaleFace(f, scale)),
    stage: covered.length > 0 ? 'covered' : 'none',
  };
}
