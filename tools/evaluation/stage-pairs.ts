// "No worse" like for like (issue 13): a detection stage that runs only when every earlier
// detector found nothing leaves the faces those detectors found, and so their descriptors and
// pairs, exactly as they were; what it changes is that more images enrol and bring new pairs.
// This splits one run's pairs into those the chain without the stage compares (both images found
// before the stage: their FNMR must equal the run without the stage) and those the stage adds.
import { calibratedScores } from './verification-report';
import { pairDistances, type EnrolledSample } from './pair-scores';
import { pointAtFmr } from './verification-metrics';
import {
  distanceToScore,
  type ScoreCalibration,
} from '../../src-main/engine/calibration/score-calibration';
import { euclidean } from '../../src-main/engine/match/descriptor-distance';

export interface StagedSample extends EnrolledSample {
  /** The detection stage that found the face (detect-faces.ts: 'tiny', ..., 'covered'). */
  detectionStage: string | undefined;
}

export interface StagePairsReport {
  stage: string;
  /** Images enrolled whose face an earlier detector found. */
  images_found_before: number;
  /** Over the pairs of those images only: what the run without the stage measures. */
  genuine_pairs: number;
  impostor_pairs: number;
  fnmr_at_fmr_1e3: number;
  threshold_at_fmr_1e3: number;
  /** Genuine pairs with at least one image only the stage found, and how many of them the whole
   *  run's FMR 1e-3 threshold rejects. */
  added_genuine_pairs: number;
  added_genuine_rejected: number;
}

const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function stagePairsReport(
  samples: readonly StagedSample[],
  stage: string,
  cal: ScoreCalibration,
  /** The whole run's FMR 1e-3 threshold (score units). */
  runThreshold: number,
): StagePairsReport {
  const before = samples.filter((s) => s.detectionStage !== stage);
  const scores = calibratedScores(pairDistances(before), cal);
  const at3 = pointAtFmr(scores, 1e-3, 0.01);
  const added: number[] = [];
  samples.forEach((a, i) => {
    for (let j = i + 1; j < samples.length; j++) {
      const b = samples[j];
      if (b === undefined || a.identity !== b.identity) continue;
      if (a.detectionStage !== stage && b.detectionStage !== stage) continue;
      added.push(distanceToScore(euclidean(a.descriptor, b.descriptor), cal));
    }
  });
  return {
    stage,
    images_found_before: before.length,
    genuine_pairs: scores.genuine.length,
    impostor_pairs: scores.impostor.length,
    fnmr_at_fmr_1e3: round(at3.fnmr),
    threshold_at_fmr_1e3: round(at3.threshold, 2),
    added_genuine_pairs: added.length,
    added_genuine_rejected: added.filter((s) => s < runThreshold).length,
  };
}
