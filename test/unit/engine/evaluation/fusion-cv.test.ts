import { describe, expect, it } from 'vitest';
import { crossValidateFusion } from '../../../../tools/evaluation/fusion-cv';
import { decideFusion, ISSUE_CRITERIA } from '../../../../tools/evaluation/fusion-decision';
import { assignIdentityFolds, seededRandom } from '../../../../tools/evaluation/identity-folds';
import { allPairs, foldPairs } from '../../../../tools/evaluation/pair-table';

// 60 people x 5 photos; a "noisy" matcher separates genuine from impostor pairs only partly.
const identities = Array.from({ length: 300 }, (_, i) => `p${Math.floor(i / 5)}`);
const table = allPairs(identities);
const FOLDS = 4;
const folds = assignIdentityFolds(identities, FOLDS, 1);
const foldOfImage = identities.map((id) => folds.get(id) ?? -1);

function gaussians(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
function noisyMatcher(name: string, seed: number, separation: number) {
  const z = gaussians(seed);
  return {
    name,
    distances: Float64Array.from(table.genuine, (g) => (g === 1 ? 0 : separation) + z()),
  };
}
const spread = seededRandom(9);
const perfect = {
  name: 'perfect',
  distances: Float64Array.from(table.genuine, (g) => (g === 1 ? 0 : 10) + spread()),
};

describe('cross-validated fusion', () => {
  const baseline = noisyMatcher('baseline', 1, 3);

  it('finds the gain of an informative second matcher on every held-out fold', () => {
    const report = crossValidateFusion(table, foldOfImage, FOLDS, baseline, [
      noisyMatcher('noise', 2, 0),
      perfect,
    ]);
    expect(report.folds).toHaveLength(FOLDS);
    expect(report.mean.baseline.held_out_fnmr).toBeGreaterThan(0.05);
    for (const fold of report.folds) {
      expect(fold.second.matcher).toBe('perfect');
      expect(fold.fused.matcher).toBe('perfect');
      expect(fold.fused.weight).toBeLessThan(1);
      expect(fold.fused.held_out_fnmr).toBe(0);
    }
    expect(report.relative_change.fused.held_out).toBe(-1);
    expect(report.relative_change.fused.calibrated).toBeLessThan(-0.9);
  });

  it('fits on the training folds only: a matcher that is perfect just on the held-out people earns nothing', () => {
    // Perfect on pairs inside fold 0, pure noise elsewhere: fitted on training pairs (noise), the
    // weight of fold 0 must stay on the baseline; fitted on its test pairs it would go to 0.
    const { test } = foldPairs(table, foldOfImage, 0);
    const cheat = noisyMatcher('cheat', 3, 0);
    for (const k of test) cheat.distances[k] = table.genuine[k] === 1 ? 0 : 10 + spread();
    const report = crossValidateFusion(table, foldOfImage, FOLDS, baseline, [cheat]);
    const fold0 = report.folds[0];
    expect(fold0?.fused.weight).toBeGreaterThanOrEqual(0.9);
    expect(fold0?.fused.held_out_fnmr).toBeGreaterThan(0.05);
  });

  it('averages the folds and pools held-out pairs with each fold’s training threshold', () => {
    const report = crossValidateFusion(table, foldOfImage, FOLDS, baseline, [
      noisyMatcher('other', 4, 3),
    ]);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(report.mean.baseline.calibrated_fnmr).toBeCloseTo(
      mean(report.folds.map((f) => f.baseline.calibrated.fnmr)),
      12,
    );
    const genuine = report.folds.reduce((s, f) => s + f.genuine_pairs, 0);
    const rejected = report.folds.reduce(
      (s, f) => s + f.fused.calibrated.fnmr * f.genuine_pairs,
      0,
    );
    expect(report.pooled.fused.fnmr).toBeCloseTo(rejected / genuine, 12);
    expect(genuine).toBe(300 * 2); // 5 photos: 10 genuine pairs per person, 60 people
  });
});

describe('decision rule', () => {
  it('ships only with a 15 % drop on both held-out figures and at most +15 ms', () => {
    const good = { relativeCalibrated: -0.2, relativeHeldOut: -0.15, extraMs: 15 };
    expect(decideFusion(good)).toEqual({ ship: true, reasons: [] });
    expect(decideFusion({ ...good, relativeHeldOut: -0.149 }).ship).toBe(false);
    expect(decideFusion({ ...good, relativeCalibrated: 0.05 }).reasons[0]).toMatch(/calibrated/);
    expect(decideFusion({ ...good, extraMs: 15.1 }).reasons).toEqual([
      '+15.1 ms per verification exceeds +15 ms',
    ]);
    expect(decideFusion({ ...good, relativeHeldOut: Number.NaN }).ship).toBe(false);
    expect(ISSUE_CRITERIA).toEqual({ minRelativeDrop: 0.15, maxExtraMs: 15 });
  });
});
