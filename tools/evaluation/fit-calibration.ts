// Places the score calibration's knots on measured impostor distances (see
// calibration/score-calibration.ts for the scale). Run by `eval verify --write-calibration`.
import {
  scoreForFmr,
  type CalibrationKnot,
  type ScoreCalibration,
} from '../../src-main/engine/calibration/score-calibration';

/** FMR anchors and their scores; 1e-4 is capped at 95 (see score-calibration.ts). */
export const CALIBRATION_ANCHORS: readonly { fmr: number; score: number }[] = [
  { fmr: 1e-4, score: 95 },
  { fmr: 1e-3, score: scoreForFmr(1e-3) },
  { fmr: 1e-2, score: scoreForFmr(1e-2) },
  { fmr: 1e-1, score: scoreForFmr(1e-1) },
  { fmr: 0.5, score: scoreForFmr(0.5) },
];

/**
 * The distance below which a share `fmr` of impostor distances lies: midway between the k-th and
 * (k+1)-th smallest (k = floor(fmr * n)), so that at most k impostors score above the knot.
 */
export function distanceAtFmr(sortedImpostor: Float64Array, fmr: number): number {
  const k = Math.floor(fmr * sortedImpostor.length);
  const above = sortedImpostor[k] ?? Infinity;
  const below = k > 0 ? (sortedImpostor[k - 1] ?? 0) : 0;
  return (above + below) / 2;
}

export function fitCalibration(model: string, impostorDistances: Float64Array): ScoreCalibration {
  const sorted = Float64Array.from(impostorDistances).sort();
  if (sorted.length < 10_000) {
    throw new Error(
      `need at least 10000 impostor pairs to place the 1e-4 knot, got ${sorted.length}`,
    );
  }
  const maxDistance = sorted[sorted.length - 1] ?? 1;
  const knots: CalibrationKnot[] = [{ distance: 0, score: 100 }];
  for (const anchor of CALIBRATION_ANCHORS) {
    // Not rounded: a rounded knot could move past the impostor distance it must stay below.
    const distance = distanceAtFmr(sorted, anchor.fmr);
    knots.push({ distance, score: Math.round(anchor.score * 100) / 100, fmr: anchor.fmr });
  }
  knots.push({ distance: Math.ceil((maxDistance + 0.1) * 100) / 100, score: 0 });
  return { model, knots };
}
