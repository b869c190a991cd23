// Which face to use when the detector finds several. ARGOS does not document its rule; the station
// takes the largest face (the person at the station is nearest the camera) and counts the other
// faces of comparable size, so that a policy can refuse ambiguous frames and the preview can warn.
import type { DetectedFace } from './face-box';

export type FaceChoicePolicy = 'largest' | 'reject-if-several';

/** A face at least this fraction of the largest face's area counts as a competing face. */
export const COMPARABLE_FACE_AREA = 0.36;

export interface FaceChoice {
  face: DetectedFace;
  /** Faces of comparable size besides the chosen one. */
  competing: number;
}

const area = (f: DetectedFace): number => f.box.width * f.box.height;

export function chooseFace(faces: readonly DetectedFace[]): FaceChoice | undefined {
  const sorted = [...faces].sort((a, b) => area(b) - area(a) || b.score - a.score);
  const face = sorted[0];
  if (face === undefined) return undefined;
  const competing = sorted.slice(1).filter((f) => area(f) >= area(face) * COMPARABLE_FACE_AREA);
  return { face, competing: competing.length };
}
