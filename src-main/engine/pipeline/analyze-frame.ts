// The cheap path for the live preview (10 fps): validate, decode small, one TinyFaceDetector pass,
// no fallbacks, no descriptor. Guidance tells the operator what to fix before capturing. When
// TinyFaceDetector finds nothing, one BlazeFace pass (the covered-face stage) tells an empty desk
// from a face behind a mask, visor or scarf, or turned away, so the guidance can say what to do.
import { chooseFace } from '../detect/choose-face';
import { detectFaces } from '../detect/detect-faces';
import { detectCoveredFaces } from '../detect/covered-face-detector';
import { scaleBox, type DetectedFace, type FaceBox } from '../detect/face-box';
import { decodeImage } from '../image/decode-image';
import type { ImageFormat } from '../image/image-header';
import { validateImage } from '../image/validate-image';
import type { FaceNetworks } from '../networks/face-networks';
import type { PipelineConfig } from './pipeline-config';

/** Preview frames are decoded at most this large: enough for the detector, cheap to decode. */
const PREVIEW_SIDE = 640;

export type FrameGuidance =
  'no_face' | 'several_faces' | 'move_closer' | 'center_face' | 'face_covered' | 'turn_to_camera';

export interface FrameAnalysis {
  width: number;
  height: number;
  format: ImageFormat;
  faces: { box: FaceBox; score: number }[];
  guidance?: FrameGuidance;
}

/** Face narrower than this share of the frame width is too far for a good comparison. */
const MIN_FACE_WIDTH_SHARE = 0.15;

/** A BlazeFace yaw proxy (keypointYaw: about 0.6 tan(yaw)) beyond this reads as a face turned
 *  away rather than covered: about 37°. Below it the mask or visor is what keeps the detectors
 *  from the face: of the 68 masked faces of facedata/masks/with_mask only BlazeFace sees in the
 *  preview, the ear proxy passes 0.45 on one, a profile (other_Screenshot_400_.png, -0.61); the
 *  next are masked faces turned some 30° (0.37-0.40). The nose-tip proxy it replaces passed its
 *  0.3 on 8 of them, among them the e2e frame (prefixed_with_mask097, turned some 20°). */
export const TURNED_YAW = 0.45;

export interface PreviewFace {
  box: FaceBox;
  score: number;
  /** Set when only the covered-face stage saw the face: its yaw proxy. */
  coveredYaw?: number;
}

export function frameGuidance(
  frame: { width: number; height: number },
  faces: readonly PreviewFace[],
): FrameGuidance | undefined {
  const choice = chooseFace(
    faces.map(({ box, score, coveredYaw }): DetectedFace =>
      coveredYaw === undefined
        ? { box, score, detector: 'tiny' }
        : { box, score, detector: 'blazeface', yaw: coveredYaw },
    ),
  );
  if (choice === undefined) return 'no_face';
  if (choice.competing > 0) return 'several_faces';
  const { box } = choice.face;
  if (box.width < frame.width * MIN_FACE_WIDTH_SHARE) return 'move_closer';
  const cx = (box.x + box.width / 2) / frame.width;
  const cy = (box.y + box.height / 2) / frame.height;
  if (cx < 0.2 || cx > 0.8 || cy < 0.2 || cy > 0.8) return 'center_face';
  // The cheap detector could not see this face: it is covered or turned too far for a reliable
  // comparison. Capture still works (the verification runs every detector), but the operator
  // should ask for the mask to come down or the visor up, or for the face to turn.
  const { detector, yaw = 0 } = choice.face;
  if (detector === 'blazeface')
    return Math.abs(yaw) > TURNED_YAW ? 'turn_to_camera' : 'face_covered';
  return undefined;
}

export async function analyzeFrame(
  nets: FaceNetworks,
  bytes: Uint8Array,
  cfg: PipelineConfig,
): Promise<FrameAnalysis> {
  const header = validateImage(bytes, cfg.limits);
  const img = await decodeImage(bytes, header, cfg.limits, PREVIEW_SIDE);
  const scale = img.originalWidth / img.width;
  let { faces } = await detectFaces(nets, img, cfg.detector, false);
  if (faces.length === 0 && nets.coveredFaces !== undefined) {
    // One letterbox only (the first padding): a desk camera's frame is not a tight crop, and an
    // empty desk must not cost the preview several passes per frame.
    const covered = cfg.detector.covered;
    faces = await detectCoveredFaces(nets.coveredFaces, img, {
      ...covered,
      padFractions: covered.padFractions.slice(0, 1),
    });
  }
  const scaled = faces.map((f): PreviewFace => ({
    box: scaleBox(f.box, scale),
    score: f.score,
    ...(f.detector === 'blazeface' ? { coveredYaw: f.yaw ?? 0 } : {}),
  }));
  const frame = { width: img.originalWidth, height: img.originalHeight };
  const guidance = frameGuidance(frame, scaled);
  return {
    ...frame,
    format: header.format,
    faces: scaled.map(({ box, score }) => ({ box, score })),
    ...(guidance === undefined ? {} : { guidance }),
  };
}
