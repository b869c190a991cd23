// The cheap path for the live preview (10 fps): validate, decode small, one TinyFaceDetector pass,
// no fallbacks, no descriptor. Guidance tells the operator what to fix before capturing.
import { chooseFace } from '../detect/choose-face';
import { detectFaces } from '../detect/detect-faces';
import type { FaceBox } from '../detect/face-box';
import { decodeImage } from '../image/decode-image';
import type { ImageFormat } from '../image/image-header';
import { validateImage } from '../image/validate-image';
import type { FaceNetworks } from '../networks/face-networks';
import type { PipelineConfig } from './pipeline-config';

/** Preview frames are decoded at most this large: enough for the detector, cheap to decode. */
const PREVIEW_SIDE = 640;

export type FrameGuidance = 'no_face' | 'several_faces' | 'move_closer' | 'center_face';

export interface FrameAnalysis {
  width: number;
  height: number;
  format: ImageFormat;
  faces: { box: FaceBox; score: number }[];
  guidance?: FrameGuidance;
}

/** Face narrower than this share of the frame width is too far for a good comparison. */
const MIN_FACE_WIDTH_SHARE = 0.15;

export function frameGuidance(
  frame: { width: number; height: number },
  faces: readonly { box: FaceBox; score: number }[],
): FrameGuidance | undefined {
  const choice = chooseFace(faces.map((f) => ({ ...f, detector: 'tiny' as const })));
  if (choice === undefined) return 'no_face';
  if (choice.competing > 0) return 'several_faces';
  const { box } = choice.face;
  if (box.width < frame.width * MIN_FACE_WIDTH_SHARE) return 'move_closer';
  const cx = (box.x + box.width / 2) / frame.width;
  const cy = (box.y + box.height / 2) / frame.height;
  if (cx < 0.2 || cx > 0.8 || cy < 0.2 || cy > 0.8) return 'center_face';
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
  const { faces } = await detectFaces(nets, img, cfg.detector, false);
  const scaled = faces.map((f) => ({
    box: {
      x: f.box.x * scale,
      y: f.box.y * scale,
      width: f.box.width * scale,
      height: f.box.height * scale,
    },
    score: f.score,
  }));
  const frame = { width: img.originalWidth, height: img.originalHeight };
  const guidance = frameGuidance(frame, scaled);
  return {
    ...frame,
    format: header.format,
    faces: scaled,
    ...(guidance === undefined ? {} : { guidance }),
  };
}
