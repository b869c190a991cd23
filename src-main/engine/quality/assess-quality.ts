// Face quality measured on the aligned chip and the landmarks: size, brightness, sharpness, pose.
// Only gross failures block a comparison (see QualityGate); the rest feeds the operator guidance
// of the live preview, since ARGOS FaceAuth has no quality fail code.
import type { Point2, SimilarityTransform } from '../align/similarity-transform';

export interface FaceQuality {
  /** Distance between eye centres in pixels of the original image. */
  interocularPx: number;
  /** Mean luma (0-255) of the central face region. */
  brightness: number;
  /** Variance of the Laplacian of luma on the central chip region: low means blurred. */
  sharpness: number;
  /** Signed yaw proxy: nose-tip offset from the eye midpoint over the eye distance (0 = frontal). */
  yaw: number;
  /** In-plane rotation in degrees. */
  rollDeg: number;
}

export interface QualityGate {
  minInterocularPx: number;
  minBrightness: number;
  maxBrightness: number;
}

export const DEFAULT_QUALITY_GATE: QualityGate = {
  // Measured, not a FaceAuth rule (ARGOS has no size limit): faces shrunk to eyes 4-10 px apart
  // are accepted against strangers 1.3-3.6 times as often as full-size faces at the shipped
  // threshold, 12 px as often (scripts/covered/small-face-safety.ts, docs/covered-faces.md).
  minInterocularPx: 12,
  minBrightness: 20,
  maxBrightness: 240,
};

function mean(points: readonly Point2[]): Point2 {
  const s = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: s.x / points.length, y: s.y / points.length };
}

function lumaOf(chip: Uint8Array, i: number): number {
  return (
    0.299 * (chip[i * 3] ?? 0) + 0.587 * (chip[i * 3 + 1] ?? 0) + 0.114 * (chip[i * 3 + 2] ?? 0)
  );
}

export function assessQuality(
  chip: Uint8Array,
  chipSize: number,
  landmarks68: readonly Point2[],
  chipToImage: SimilarityTransform,
  imageScale: number,
): FaceQuality {
  const leftEye = mean(landmarks68.slice(36, 42));
  const rightEye = mean(landmarks68.slice(42, 48));
  const eyeDistance = Math.hypot(rightEye.x - leftEye.x, rightEye.y - leftEye.y);
  const nose = landmarks68[30] ?? leftEye;
  const mid = { x: (leftEye.x + rightEye.x) / 2, y: (leftEye.y + rightEye.y) / 2 };
  // Project the nose offset on the eye axis so that roll does not read as yaw.
  const ux = (rightEye.x - leftEye.x) / (eyeDistance || 1);
  const uy = (rightEye.y - leftEye.y) / (eyeDistance || 1);
  const yaw = ((nose.x - mid.x) * ux + (nose.y - mid.y) * uy) / (eyeDistance || 1);

  const lo = Math.round(chipSize * 0.25);
  const hi = Math.round(chipSize * 0.75);
  let sum = 0;
  let count = 0;
  let lapSum = 0;
  let lapSq = 0;
  for (let y = lo; y < hi; y++) {
    for (let x = lo; x < hi; x++) {
      const i = y * chipSize + x;
      const c = lumaOf(chip, i);
      sum += c;
      count++;
      const lap =
        lumaOf(chip, i - 1) +
        lumaOf(chip, i + 1) +
        lumaOf(chip, i - chipSize) +
        lumaOf(chip, i + chipSize) -
        4 * c;
      lapSum += lap;
      lapSq += lap * lap;
    }
  }
  const lapMean = lapSum / count;
  return {
    interocularPx: eyeDistance * imageScale,
    brightness: sum / count,
    sharpness: lapSq / count - lapMean * lapMean,
    yaw,
    rollDeg: (Math.atan2(chipToImage.b, chipToImage.a) * 180) / Math.PI,
  };
}

/** Returns the reason a face is unusable, or undefined when it passes the gate. */
export function qualityFailure(q: FaceQuality, gate: QualityGate): string | undefined {
  if (q.interocularPx < gate.minInterocularPx) {
    return `face too small: eyes ${q.interocularPx.toFixed(1)} px apart, minimum ${gate.minInterocularPx}`;
  }
  if (q.brightness < gate.minBrightness)
    return `face too dark: mean luma ${q.brightness.toFixed(0)}`;
  if (q.brightness > gate.maxBrightness)
    return `face too bright: mean luma ${q.brightness.toFixed(0)}`;
  return undefined;
}
