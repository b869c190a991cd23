// The issue's rule for shipping a second recognition network: the fused matcher must lower FNMR
// at FMR 1e-3 by at least 15 % relative under cross-validated calibration (both held-out figures:
// with the training threshold, and at the held-out fold's own operating point) AND add at most
// 15 ms per verification.

export interface FusionCriteria {
  /** Required relative FNMR drop, e.g. 0.15. */
  minRelativeDrop: number;
  maxExtraMs: number;
}

export const ISSUE_CRITERIA: FusionCriteria = { minRelativeDrop: 0.15, maxExtraMs: 15 };

export interface FusionEvidence {
  /** (fused - baseline) / baseline of the mean FNMR, both held-out figures. */
  relativeCalibrated: number;
  relativeHeldOut: number;
  /** Added inference time per verification (the second network's median per face). */
  extraMs: number;
}

export interface FusionDecision {
  ship: boolean;
  reasons: string[];
}

export function decideFusion(
  e: FusionEvidence,
  c: FusionCriteria = ISSUE_CRITERIA,
): FusionDecision {
  const reasons: string[] = [];
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  for (const [label, change] of [
    ['calibrated', e.relativeCalibrated],
    ['held-out operating point', e.relativeHeldOut],
  ] as const) {
    if (!(change <= -c.minRelativeDrop)) {
      reasons.push(
        `FNMR change ${pct(change)} (${label}) misses the ${pct(-c.minRelativeDrop)} target`,
      );
    }
  }
  if (!(e.extraMs <= c.maxExtraMs)) {
    reasons.push(`+${e.extraMs.toFixed(1)} ms per verification exceeds +${c.maxExtraMs} ms`);
  }
  return { ship: reasons.length === 0, reasons };
}
