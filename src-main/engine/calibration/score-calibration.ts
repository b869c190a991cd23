// Turns a descriptor distance into FaceAuth's 0-100 face_similarity_score.
//
// The scale is anchored on measured impostor statistics so that a threshold means the same thing
// on every machine: each knot is the descriptor distance at which a given share of impostor pairs
// of the evaluation set (../shared/facedata/verification) would be accepted, and carries the score
// 40 + 15 * log10(1 / FMR): FMR 1e-1 → 55, 1e-2 → 70, 1e-3 → 85 (ARGOS's example threshold),
// 1e-4 → 100 capped to 95 so that only near-identical faces approach 100. Between knots the score
// is linear in distance; distance 0 scores 100 and the last knot scores 0. The map is strictly
// decreasing in distance, so ranking and every error rate are those of the raw distance.
import calibrationData from './score-calibration.json';

export interface CalibrationKnot {
  distance: number;
  score: number;
  /** The impostor acceptance rate the knot was placed at, for documentation. */
  fmr?: number;
}

export interface ScoreCalibration {
  model: string;
  knots: CalibrationKnot[];
}

export const SHIPPED_CALIBRATION: ScoreCalibration = calibrationData;

/** Score for FMR f on the documented scale (before the cap at the top knots). */
export function scoreForFmr(fmr: number): number {
  return 40 + 15 * Math.log10(1 / fmr);
}

export function assertMonotone(cal: ScoreCalibration): void {
  const k = cal.knots;
  if (k.length < 2) throw new Error('calibration needs at least two knots');
  k.forEach((knot, i) => {
    const prev = k[i - 1];
    if (prev !== undefined && !(knot.distance > prev.distance && knot.score < prev.score)) {
      throw new Error(`calibration knots ${i - 1} and ${i} are not strictly monotone`);
    }
  });
}

/**
 * Truncated (not rounded) to 2 decimals: decisions compare this value, so what is shown is what
 * decided, and truncation never lifts a score over a threshold (rounding 84.996 up to 85.00
 * would accept impostors the knot placement excluded). The 1e-9 absorbs float error at knots.
 */
export function distanceToScore(
  distance: number,
  cal: ScoreCalibration = SHIPPED_CALIBRATION,
): number {
  const k = cal.knots;
  let score = k[k.length - 1]?.score ?? 0;
  if (Number.isNaN(distance)) return 0;
  for (let i = 0; i < k.length; i++) {
    const hi = k[i];
    if (hi === undefined || distance > hi.distance) continue;
    const lo = k[i - 1];
    if (lo === undefined) {
      score = hi.score;
    } else {
      const t = (distance - lo.distance) / (hi.distance - lo.distance);
      score = lo.score + t * (hi.score - lo.score);
    }
    break;
  }
  return Math.floor(Math.min(100, Math.max(0, score)) * 100 + 1e-9) / 100;
}
