import { describe, expect, it } from 'vitest';
import {
  areaUnderRoc,
  equalErrorRate,
  nextUp,
  operatingPoint,
  pointAtFmr,
} from '../../../tools/evaluation/verification-metrics';
import { pairDistances } from '../../../tools/evaluation/pair-scores';

const f = (xs: number[]) => Float64Array.from(xs);

describe('verification metrics', () => {
  const scores = { genuine: f([0.9, 0.8, 0.7, 0.4]), impostor: f([0.1, 0.2, 0.3, 0.5, 0.75]) };

  it('operating point: accept when score >= threshold', () => {
    expect(operatingPoint(scores, 0.75)).toEqual({ threshold: 0.75, fmr: 0.2, fnmr: 0.5 });
    expect(operatingPoint(scores, 0.76)).toEqual({ threshold: 0.76, fmr: 0, fnmr: 0.5 });
  });

  it('threshold at a target FMR accepts no more impostors than allowed', () => {
    const p0 = pointAtFmr(scores, 0);
    expect(p0.fmr).toBe(0);
    expect(p0.threshold).toBe(nextUp(0.75));
    expect(p0.fnmr).toBe(0.5);
    const p20 = pointAtFmr(scores, 0.2);
    expect(p20.fmr).toBe(0.2);
    expect(p20.fnmr).toBe(0.25);
    expect(pointAtFmr(scores, 0.2, 0.05).threshold).toBe(0.55);
  });

  it('AUC is the probability a genuine pair outscores an impostor pair (ties half)', () => {
    expect(areaUnderRoc(scores)).toBeCloseTo(17 / 20, 10);
    expect(areaUnderRoc({ genuine: f([1]), impostor: f([1]) })).toBe(0.5);
    expect(areaUnderRoc({ genuine: f([2, 3]), impostor: f([0, 1]) })).toBe(1);
  });

  it('EER is 0 for separable scores and 0.5 for identical distributions', () => {
    expect(equalErrorRate({ genuine: f([2, 3]), impostor: f([0, 1]) })).toBe(0);
    expect(equalErrorRate({ genuine: f([1, 2]), impostor: f([1, 2]) })).toBe(0.5);
  });

  it('builds all genuine and impostor pairs', () => {
    const d = pairDistances([
      { identity: 'a', descriptor: [0, 0] },
      { identity: 'a', descriptor: [3, 4] },
      { identity: 'b', descriptor: [0, 1] },
    ]);
    expect(Array.from(d.genuine)).toEqual([5]);
    const impostor = Array.from(d.impostor).sort((a, b) => a - b);
    expect(impostor).toHaveLength(2);
    expect(impostor[0]).toBeCloseTo(1, 12);
    expect(impostor[1]).toBeCloseTo(Math.hypot(3, 3), 12);
  });
});
