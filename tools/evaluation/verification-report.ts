// The `eval verify` report (issue 3): rates as fractions; thresholds in face_similarity_score
// units (0-100), the scale the project policy uses. Pairs involving an image that failed to
// enrol are excluded from the pair counts and reported through `fte` (ISO/IEC 19795-1), except in
// `generalized_fnmr_at_fmr_1e3`, where they count as non-matches (19795-1's generalised FNMR).
import {
  distanceToScore,
  type ScoreCalibration,
} from '../../src-main/engine/calibration/score-calibration';
import {
  areaUnderRoc,
  equalErrorRate,
  operatingPoint,
  pointAtFmr,
  type PairScores,
} from './verification-metrics';
import type { PairDistances } from './pair-scores';

export interface VerificationReport {
  images: number;
  fte: number;
  genuine_pairs: number;
  impostor_pairs: number;
  eer: number;
  auc: number;
  fnmr_at_fmr: { '1e-2': number; '1e-3': number };
  threshold_at_fmr: { '1e-2': number; '1e-3': number };
  shipped: { threshold: number; fmr: number; fnmr: number };
  /** At the FMR 1e-3 threshold above: (all genuine pairs of the dataset - compared genuine pairs
   *  accepted) / all genuine pairs, so a pair with an image that failed to enrol is a non-match. */
  generalized_fnmr_at_fmr_1e3: number;
}

/** Generalised FNMR (ISO/IEC 19795-1): genuine pairs not accepted at `threshold`, a pair that
 *  could not be compared (either image failed to enrol) counting as not accepted, over all
 *  genuine pairs of the dataset. `comparedGenuine` are the scores of the pairs compared. */
export function generalizedFnmr(
  comparedGenuine: Float64Array,
  threshold: number,
  allGenuinePairs: number,
): number {
  if (allGenuinePairs < comparedGenuine.length) {
    throw new Error(`${comparedGenuine.length} compared genuine pairs > ${allGenuinePairs} in all`);
  }
  if (allGenuinePairs === 0) return 0;
  let accepted = 0;
  for (const s of comparedGenuine) if (s >= threshold) accepted++;
  return (allGenuinePairs - accepted) / allGenuinePairs;
}

const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Scores exactly as the engine reports them (calibrated and rounded to 0.01). */
export function calibratedScores(d: PairDistances, cal: ScoreCalibration): PairScores {
  return {
    genuine: d.genuine.map((x) => distanceToScore(x, cal)),
    impostor: d.impostor.map((x) => distanceToScore(x, cal)),
  };
}

export function verificationReport(
  images: number,
  failedToEnrol: number,
  distances: PairDistances,
  cal: ScoreCalibration,
  shippedThreshold: number,
  /** Genuine pairs among all images, enrolled or not (`genuinePairCount`); default: compared. */
  allGenuinePairs: number = distances.genuine.length,
): VerificationReport {
  // Rank statistics on the raw distance (negated: higher = more similar), free of rounding ties.
  const raw: PairScores = {
    genuine: distances.genuine.map((x) => -x),
    impostor: distances.impostor.map((x) => -x),
  };
  const scores = calibratedScores(distances, cal);
  const at2 = pointAtFmr(scores, 1e-2, 0.01);
  const at3 = pointAtFmr(scores, 1e-3, 0.01);
  const shipped = operatingPoint(scores, shippedThreshold);
  return {
    images,
    fte: round(failedToEnrol / Math.max(1, images)),
    genuine_pairs: distances.genuine.length,
    impostor_pairs: distances.impostor.length,
    eer: round(equalErrorRate(raw)),
    auc: round(areaUnderRoc(raw)),
    fnmr_at_fmr: { '1e-2': round(at2.fnmr), '1e-3': round(at3.fnmr) },
    threshold_at_fmr: { '1e-2': round(at2.threshold, 2), '1e-3': round(at3.threshold, 2) },
    shipped: { threshold: shippedThreshold, fmr: round(shipped.fmr), fnmr: round(shipped.fnmr) },
    generalized_fnmr_at_fmr_1e3: round(
      generalizedFnmr(scores.genuine, at3.threshold, allGenuinePairs),
    ),
  };
}

/** Thresholds of the score-to-FMR table in docs/engine.md. */
export const TABLE_THRESHOLDS = [40, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95];

export interface ScoreTableRow {
  threshold: number;
  fmr: number;
  fnmr: number;
}

export function scoreTable(distances: PairDistances, cal: ScoreCalibration): ScoreTableRow[] {
  const scores = calibratedScores(distances, cal);
  return TABLE_THRESHOLDS.map((threshold) => {
    const p = operatingPoint(scores, threshold);
    return { threshold, fmr: round(p.fmr), fnmr: round(p.fnmr) };
  });
}
