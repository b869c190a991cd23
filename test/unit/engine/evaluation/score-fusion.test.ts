import { describe, expect, it } from 'vitest';
import { cosineDistance } from '../../../../tools/evaluation/cosine-distance';
import { seededRandom } from '../../../../tools/evaluation/identity-folds';
import {
  fitFusion,
  fitZNorm,
  fuseSplit,
  ratesAt,
  ratesAtFmr,
  thresholdAtFmr,
  zScore,
} from '../../../../tools/evaluation/score-fusion';

const f = (xs: number[]) => Float64Array.from(xs);

/** Standard normal draws (Box-Muller) from a seeded generator. */
function normals(n: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  });
}

describe('z-normalisation', () => {
  it('uses the mean and the sample standard deviation of impostor distances', () => {
    const norm = fitZNorm([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(norm.mean).toBe(5);
    expect(norm.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(zScore(5 + norm.std, norm)).toBeCloseTo(1, 12);
  });

  it('refuses too few or constant impostor distances', () => {
    expect(() => fitZNorm([1])).toThrow(RangeError);
    expect(() => fitZNorm([3, 3, 3])).toThrow(/no spread/);
  });
});

describe('threshold at an FMR', () => {
  const split = { genuine: f([0.1, 0.2, 0.35, 0.6]), impostor: f([0.9, 0.3, 0.5, 0.7, 0.8]) };

  it('accepts at most floor(fmr x impostors) impostors, strictly below the threshold', () => {
    expect(thresholdAtFmr(split.impostor, 0.1)).toBe(0.3); // 0 impostors allowed
    expect(ratesAtFmr(split, 0.1)).toEqual({ threshold: 0.3, fmr: 0, fnmr: 0.5 });
    expect(ratesAtFmr(split, 0.2)).toEqual({ threshold: 0.5, fmr: 0.2, fnmr: 0.25 });
  });

  it('judges another set with a given threshold (the calibrated held-out figures)', () => {
    expect(ratesAt(split, 0.75)).toEqual({ threshold: 0.75, fmr: 0.6, fnmr: 0 });
  });
});

describe('fusion weight fitted on training pairs', () => {
  // 400 genuine and 20000 impostor pairs; each matcher sees the truth through its own noise.
  const n = { genuine: 400, impostor: 20000 };
  const truth = { genuine: 0, impostor: 3 };
  const matcher = (noise: number, seed: number, scale = 1, offset = 0) => {
    const draws = normals(n.genuine + n.impostor, seed);
    const d = (t: number, z: number) => scale * (t + noise * z) + offset;
    return {
      genuine: f(draws.slice(0, n.genuine).map((z) => d(truth.genuine, z))),
      impostor: f(draws.slice(n.genuine).map((z) => d(truth.impostor, z))),
    };
  };

  it('leans on A when B is pure noise and on B when A is', () => {
    const informative = matcher(1, 1);
    const noise = { genuine: f(normals(400, 2)), impostor: f(normals(20000, 3)) };
    const alone = ratesAtFmr(informative, 1e-3).fnmr;
    expect(alone).toBeGreaterThan(0.05);
    const aInformative = fitFusion(informative, noise, 1e-3);
    expect(aInformative.weightA).toBeGreaterThanOrEqual(0.9);
    expect(aInformative.trainFnmr).toBeLessThanOrEqual(alone);
    const bInformative = fitFusion(noise, informative, 1e-3);
    expect(bInformative.weightA).toBeLessThanOrEqual(0.1);
    expect(bInformative.trainFnmr).toBeLessThanOrEqual(alone);
  });

  it('mixes two equally good matchers with independent noise, and that beats either', () => {
    const a = matcher(0.8, 4);
    const b = matcher(0.8, 5);
    const fit = fitFusion(a, b, 1e-3);
    expect(fit.weightA).toBeGreaterThan(0.2);
    expect(fit.weightA).toBeLessThan(0.8);
    expect(fit.trainFnmr).toBeLessThan(ratesAtFmr(a, 1e-3).fnmr);
    expect(fit.trainFnmr).toBeLessThan(ratesAtFmr(b, 1e-3).fnmr);
    const fused = fuseSplit(a, b, fit.normA, fit.normB, fit.weightA);
    expect(ratesAtFmr(fused, 1e-3).fnmr).toBe(fit.trainFnmr);
    expect(ratesAt(fused, fit.threshold).fmr).toBeLessThanOrEqual(1e-3);
  });

  it('does not depend on the scale or offset of either matcher (z-normalised)', () => {
    const a = matcher(0.8, 4);
    const b = matcher(0.8, 5);
    const bRescaled = matcher(0.8, 5, 1000, 40);
    const plain = fitFusion(a, b, 1e-3);
    const rescaled = fitFusion(a, bRescaled, 1e-3);
    expect(rescaled.weightA).toBe(plain.weightA);
    expect(rescaled.trainFnmr).toBe(plain.trainFnmr);
  });

  it('keeps the earlier grid weight on ties (A alone when B adds nothing)', () => {
    const a = { genuine: f([0, 0.1]), impostor: f([5, 6, 7]) };
    expect(fitFusion(a, a, 0.1).weightA).toBe(1);
  });
});

describe('cosine distance', () => {
  it('ignores length, measures angle, and answers 1 for a zero descriptor', () => {
    expect(cosineDistance([1, 0], [5, 0])).toBeCloseTo(0, 12);
    expect(cosineDistance([1, 0], [0, 2])).toBeCloseTo(1, 12);
    expect(cosineDistance([1, 1], [-1, -1])).toBeCloseTo(2, 12);
    expect(cosineDistance([0, 0], [1, 0])).toBe(1);
    expect(() => cosineDistance([1], [1, 2])).toThrow(RangeError);
  });
});
