// Tunables of the face pipeline, with the values measured best on ../shared/facedata/verification
// (see docs/engine.md). Kept as data so that eval runs can compare variants without code changes.
import { DEFAULT_DETECTOR_CONFIG, type DetectorConfig } from '../detect/detect-faces';
import type { FaceChoicePolicy } from '../detect/choose-face';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../image/limits';
import { DEFAULT_QUALITY_GATE, type QualityGate } from '../quality/assess-quality';
import type { LandmarkConfig } from '../landmarks/fit-landmarks';

export interface PipelineConfig extends LandmarkConfig {
  limits: ImageLimits;
  /** Decoded images are shrunk to fit this square; faces never need more. */
  maxWorkingSide: number;
  detector: DetectorConfig;
  faceChoice: FaceChoicePolicy;
  /** Average the descriptor with the descriptor of the mirrored chip. */
  mirrorAverage: boolean;
  quality: QualityGate;
}

export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = {
  limits: DEFAULT_IMAGE_LIMITS,
  maxWorkingSide: 1024,
  detector: DEFAULT_DETECTOR_CONFIG,
  faceChoice: 'largest',
  landmarkCropScale: 1.0,
  refineLandmarks: false,
  meshLandmarksFor: 'covered',
  meshCropScale: 1.4,
  mirrorAverage: false,
  quality: DEFAULT_QUALITY_GATE,
};
