import { describe, expect, it } from 'vitest';
import {
  assertMonotone,
  distanceToScore,
  scoreForFmr,
  SHIPPED_CALIBRATION,
  type ScoreCalibration,
} from '../../../src-main/engine/calibration/score-calibration';
import { distanceAtFmr, fitCalibration } from '../../../tools/evaluation/fit-calibration';
import { TEMPLATE_MODEL } from '../../../src-main/engine/template/face-template';
import { DEFAULT_POLICY } from '../../../src-main/engine/decision/default-policy';

describe('shipped score calibration', () => {
  it('belongs to the engine model and is strictly monotone', () => {
    expect(SHIPPED_CALIBRATION.model).toBe(TEMPLATE_MODEL);
    expect(() => assertMonotone(SHIPPED_CALIBRATION)).not.toThrow();
  });

  it('maps distance to a 0-100 score that never increases with distance', () => {
    let previous = Infinity;
    for (let d = 0; d <= 2; d += 0.0005) {
      const s = distanceToScore(d);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
      expect(s).toBeLessThanOrEqual(previous);
      previous = s;
    }
    expect(distanceToScore(0)).toBe(100);
    expect(distanceToScore(5)).toBe(0);
    expect(distanceToScore(Number.POSITIVE_INFINITY)).toBe(0);
    expect(distanceToScore(Number.NaN)).toBe(0);
  });

  it('puts the shipped threshold on the FMR 1e-3 knot', () => {
    const knot = SHIPPED_CALIBRATION.knots.find((k) => k.fmr === 1e-3);
    expect(knot?.score).toBe(DEFAULT_POLICY.faceSimilarity_threshold);
    expect(scoreForFmr(1e-3)).toBeCloseTo(85, 10);
    expect(scoreForFmr(1e-2)).toBeCloseTo(70, 10);
  });
});

describe('calibration fitting', () => {
  const cal: ScoreCalibration = {
    model: 'test',
    knots: [
      { distance: 0, score: 100 },
      { distance: 0.4, score: 85 },
      { distance: 0.6, score: 55 },
      { distance: 1.2, score: 0 },
    ],
  };
  it('interpolates linearly between knots and truncates to 0.01', () => {
    expect(distanceToScore(0.2, cal)).toBe(92.5);
    expect(distanceToScore(0.4, cal)).toBe(85);
    expect(distanceToScore(0.5, cal)).toBe(70);
    expect(distanceToScore(1 / 3, cal)).toBe(87.5);
    expect(distanceToScore(0.4001, cal)).toBe(84.98); // 84.985 truncates, never rounds up to 85
    expect(distanceToScore(0.40001, cal)).toBe(84.99);
  });

  it('rejects non-monotone knots', () => {
    const bad = { model: 't', knots: [...cal.knots.slice(0, 2), { distance: 0.3, score: 50 }] };
    expect(() => assertMonotone(bad)).toThrow(/monotone/);
  });

  it('places each knot so that at most floor(fmr*n) impostors score above it', () => {
    // Synthetic impostor distances: 100000 values uniformly spread over [0.3, 1.3).
    const n = 100_000;
    const impostor = Float64Array.from({ length: n }, (_, i) => 0.3 + (i / n) * 1.0);
    const fitted = fitCalibration('synthetic', impostor);
    assertMonotone(fitted);
    for (const fmr of [1e-4, 1e-3, 1e-2, 1e-1]) {
      const knot = fitted.knots.find((k) => k.fmr === fmr);
      expect(knot).toBeDefined();
      const threshold = knot?.score ?? 0;
      const accepted = impostor.filter((d) => distanceToScore(d, fitted) >= threshold).length;
      expect(accepted / n).toBeLessThanOrEqual(fmr);
      expect(accepted).toBeGreaterThanOrEqual(Math.floor(fmr * n) - 1);
    }
    expect(distanceAtFmr(Float64Array.from([0.1, 0.2, 0.3, 0.4]), 0.25)).toBeCloseTo(0.15, 10);
  });

  it('refuses to fit on too few impostor pairs', () => {
    expect(() => fitCalibration('x', new Float64Array(100))).toThrow(/impostor/);
  });
});
