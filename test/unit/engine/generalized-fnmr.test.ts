import { describe, expect, it } from 'vitest';
import { genuinePairCount, pairDistances } from '../../../tools/evaluation/pair-scores';
import { generalizedFnmr, verificationReport } from '../../../tools/evaluation/verification-report';
import { SHIPPED_CALIBRATION } from '../../../src-main/engine';

const f = (xs: number[]) => Float64Array.from(xs);

// A hand-made dataset: identity a has 4 images (6 genuine pairs), b has 3 (3 pairs), c has 1.
// One image of a and one of b failed to enrol, so 3 + 1 = 4 genuine pairs were compared and
// 3 + 2 = 5 could not be compared.
const identities = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c'];

describe('generalised FNMR (ISO/IEC 19795-1, failures to enrol count as non-matches)', () => {
  it('counts genuine pairs among all images, enrolled or not', () => {
    expect(genuinePairCount(identities)).toBe(9);
    expect(genuinePairCount(['x'])).toBe(0);
    expect(genuinePairCount([])).toBe(0);
  });

  it('divides the rejected plus the uncompared pairs by all genuine pairs', () => {
    // Compared genuine scores: 90 and 85 accepted at 85, 60 and 84.99 rejected.
    const compared = f([90, 60, 85, 84.99]);
    // (9 pairs - 2 accepted) / 9; FNMR over compared pairs alone would be 2 / 4.
    expect(generalizedFnmr(compared, 85, 9)).toBeCloseTo(7 / 9, 12);
    // Without failures to enrol it is the ordinary FNMR.
    expect(generalizedFnmr(compared, 85, 4)).toBe(0.5);
    expect(generalizedFnmr(f([]), 85, 0)).toBe(0);
    expect(() => generalizedFnmr(compared, 85, 3)).toThrow();
  });

  it('eval verify report: existing fields unchanged, the generalised one over all pairs', () => {
    // Enrolled: a0, a1, a2 (3 genuine pairs), b0, b1 (1), c0; descriptors on one axis so the
    // distances are known. Impostor distances are all >= 1.7; genuine 0.1, 0.2, 0.3 and 2.5, the
    // last rejected at any threshold that accepts no impostor.
    const d = (x: number) => [x, 0];
    const samples = [
      { identity: 'a', descriptor: d(0) },
      { identity: 'a', descriptor: d(0.1) },
      { identity: 'a', descriptor: d(0.3) },
      { identity: 'b', descriptor: d(2) },
      { identity: 'b', descriptor: d(4.5) },
      { identity: 'c', descriptor: d(10) },
    ];
    const distances = pairDistances(samples);
    expect(distances.genuine.length).toBe(4);
    const compared = verificationReport(8, 2, distances, SHIPPED_CALIBRATION, 85);
    const general = verificationReport(8, 2, distances, SHIPPED_CALIBRATION, 85, 9);
    const { generalized_fnmr_at_fmr_1e3: g0, ...restCompared } = compared;
    const { generalized_fnmr_at_fmr_1e3: g1, ...restGeneral } = general;
    expect(restGeneral).toEqual(restCompared);
    // With no failure to enrol the generalised FNMR equals the FNMR over compared pairs.
    expect(g0).toBe(compared.fnmr_at_fmr['1e-3']);
    const rejected = Math.round(compared.fnmr_at_fmr['1e-3'] * 4);
    expect(rejected).toBe(1);
    expect(g1).toBeCloseTo((rejected + 5) / 9, 6);
  });
});
