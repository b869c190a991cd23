// One image in, one face descriptor out: validate → decode (EXIF upright) → detect → choose face →
// landmarks → align (dlib chip) → quality gate → descriptor. Runs inside a pool worker. Every
// failure leaves as an EngineError carrying its FaceAuth error code.
import { chipTransform, extractChip, CHIP_SIZE } from '../align/face-chip';
import type { Point2 } from '../align/similarity-transform';
import { chooseFace } from '../detect/choose-face';
import { detectFaces } from '../detect/detect-faces';
import { scaleBox, type DetectedFace, type FaceBox } from '../detect/face-box';
import { EngineError } from '../errors/engine-error';
import { decodeImage } from '../image/decode-image';
import type { ImageFormat } from '../image/image-header';
import { validateImage } from '../image/validate-image';
import { fitLandmarks } from '../landmarks/fit-landmarks';
import type { FaceNetworks, TrunkFeatures } from '../networks/face-networks';
import { assessQuality, qualityFailure, type FaceQuality } from '../quality/assess-quality';
import type { PipelineConfig } from './pipeline-config';
import { StageTimer } from './stage-timer';
import {
  computeCheckFeatures,
  type CheckFeatures,
  type FeatureBlock,
} from '../checks/check-features';

export interface FaceAnalysis {
  descriptor: Float32Array;
  /** Face box in pixels of the original (upright) image. */
  box: FaceBox;
  detectionScore: number;
  detectionStage: string;
  /** Which landmark model placed the alignment points ('landmarks68' or 'facemesh'). */
  landmarkSource: string;
  competingFaces: number;
  quality: FaceQuality;
  image: { width: number; height: number; format: ImageFormat };
  stages: Record<string, number>;
  /** Attribute-check features (engine/checks), only when the task asked for them. */
  checkFeatures?: CheckFeatures;
  /** The 68 landmarks in pixels of the original (upright) image, with the check features (the
   *  checks' training draws synthetic eyewear with them). */
  landmarks?: Point2[];
}

function wrapModelError(stage: string, err: unknown): never {
  if (err instanceof EngineError) throw err;
  throw new EngineError('detection_server_error', `${stage} failed: ${String(err)}`, {
    cause: err,
  });
}

export async function analyzeFace(
  nets: FaceNetworks,
  bytes: Uint8Array,
  cfg: PipelineConfig,
  checkBlocks?: readonly FeatureBlock[],
): Promise<FaceAnalysis> {
  const timer = new StageTimer();
  const header = validateImage(bytes, cfg.limits);
  timer.lap('validate');
  const img = await decodeImage(bytes, header, cfg.limits, cfg.maxWorkingSide);
  timer.lap('decode');
  const scale = img.originalWidth / img.width;

  const detection = await detectFaces(nets, img, cfg.detector, true).catch((err: unknown) =>
    wrapModelError('detection', err),
  );
  timer.lap('detect');
  const choice = chooseFace(detection.faces);
  if (choice === undefined) throw new EngineError('no_face', 'no face detected');
  if (cfg.faceChoice === 'reject-if-several' && choice.competing > 0) {
    throw new EngineError(
      'image_processing_error',
      `${choice.competing + 1} faces of similar size`,
    );
  }
  const face: DetectedFace = choice.face;

  let landmarks: Point2[];
  let landmarkSource: string;
  try {
    const fitted = await fitLandmarks(nets, img, face.box, detection.stage, cfg);
    landmarks = fitted.points;
    landmarkSource = fitted.source;
  } catch (err) {
    wrapModelError('landmarks', err);
  }
  timer.lap('landmarks');

  const transform = chipTransform(landmarks);
  const chip = extractChip(img, transform);
  timer.lap('align');
  const quality = assessQuality(chip, CHIP_SIZE, landmarks, transform, scale);
  const failure = qualityFailure(quality, cfg.quality);
  if (failure !== undefined) throw new EngineError('image_processing_error', failure);
  timer.lap('quality');

  let descriptor: Float32Array;
  let trunk: TrunkFeatures;
  try {
    // One network pass gives the descriptor and the activations the attribute checks read.
    trunk = await nets.recognitionTrunk(chip, CHIP_SIZE);
    descriptor = trunk.embedding;
    if (cfg.mirrorAverage) {
      const mirrored = (
        await nets.recognitionTrunk(extractChip(img, transform, CHIP_SIZE, true), CHIP_SIZE)
      ).embedding;
      descriptor = descriptor.map((v, i) => (v + (mirrored[i] ?? 0)) / 2);
    }
  } catch (err) {
    wrapModelError('descriptor', err);
  }
  timer.lap('descriptor');

  let checkFeatures: CheckFeatures | undefined;
  if (checkBlocks !== undefined && checkBlocks.length > 0) {
    try {
      checkFeatures = computeCheckFeatures(checkBlocks, {
        img,
        transform,
        chip,
        descriptor,
        trunk,
      });
    } catch (err) {
      wrapModelError('checks', err);
    }
    timer.lap('checks');
  }

  return {
    descriptor,
    box: scaleBox(face.box, scale),
    detectionScore: face.score,
    detectionStage: detection.stage,
    landmarkSource,
    competingFaces: choice.competing,
    quality,
    image: { width: img.originalWidth, height: img.originalHeight, format: header.format },
    stages: timer.stages,
    ...(checkFeatures === undefined
      ? {}
      : { checkFeatures, landmarks: landmarks.map((p) => ({ x: p.x * scale, y: p.y * scale })) }),
  };
}
