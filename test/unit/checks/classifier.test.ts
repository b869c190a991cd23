// The attribute checks' math as tables: logistic regression, score mapping, AUC, rates, folds.
import { describe, expect, it } from 'vitest';
import { logit, predict, sigmoid } from '../../../src-main/engine/checks/logistic';
import { fitStandardizer, standardize, trainLogistic } from '../../../tools/checks/train-logistic';
import { rate, rocAuc, stratifiedFolds } from '../../../tools/checks/metrics';
import { seededRandom } from '../../../src-shared/seeded-random';
import { BLOCK_LENGTH } from '../../../src-main/engine/checks/check-features';
import {
  featureRow,
  makeCheckModels,
  probabilityToScore,
  shippedCheckModels,
  type CheckModelFile,
} from '../../../src-main/engine/checks/check-model';
import { reportOf } from '../../../tools/checks/train-checks';

describe('sigmoid', () => {
  it.each([
    [0, 0.5],
    [Math.log(3), 0.75],
    [-Math.log(3), 0.25],
    [800, 1],
    [-800, 0],
  ])('sigmoid(%f) = %f', (z, p) => {
    expect(sigmoid(z)).toBeCloseTo(p, 12);
  });
});

describe('probabilityToScore (0-100, truncated to 2 decimals)', () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.5, 50],
    [0.49999, 49.99],
    [0.123456, 12.34],
    [0.99999, 99.99],
    [-0.1, 0],
    [1.2, 100],
  ])('%f -> %f', (p, score) => {
    expect(probabilityToScore(p)).toBe(score);
  });
  it('refuses NaN', () => {
    expect(() => probabilityToScore(Number.NaN)).toThrow();
  });
});

describe('standardizer', () => {
  it('centres and scales each column; a constant column keeps scale 1', () => {
    const s = fitStandardizer([
      [1, 5],
      [3, 5],
    ]);
    expect(s.mean).toEqual([2, 5]);
    expect(s.std).toEqual([1, 1]);
    expect(standardize(s, [3, 5])).toEqual([1, 0]);
  });
});

describe('trainLogistic', () => {
  const rows = [[0], [1], [2], [3], [10], [11], [12], [13]];
  const labels = [false, false, false, false, true, true, true, true];

  it('separates separable data and is deterministic', () => {
    const a = trainLogistic(rows, labels);
    const b = trainLogistic(rows, labels);
    expect(a).toEqual(b);
    for (const [i, r] of rows.entries()) expect(predict(a, r) >= 0.5).toBe(labels[i]);
    expect(logit(a, [6.5])).toBeCloseTo(0, 1);
  });

  it('stronger L2 gives smaller weights', () => {
    const weak = trainLogistic(rows, labels, {
      lambda: 0.001,
      iterations: 300,
      learningRate: 0.5,
      balanced: true,
    });
    const strong = trainLogistic(rows, labels, {
      lambda: 1,
      iterations: 300,
      learningRate: 0.5,
      balanced: true,
    });
    expect(Math.abs(strong.weights[0] ?? 0)).toBeLessThan(Math.abs(weak.weights[0] ?? 0));
  });

  it('a heavier sample pulls the boundary away from it', () => {
    const plain = trainLogistic(rows, labels);
    const weights = rows.map((_, i) => (i === 3 ? 10 : 1)); // the negative nearest the positives
    const heavy = trainLogistic(rows, labels, undefined, weights);
    expect(predict(heavy, [3])).toBeLessThan(predict(plain, [3]));
  });

  it('refuses one-class data and rows of the wrong length', () => {
    expect(() => trainLogistic([[1], [2]], [true, true])).toThrow(/both classes/);
    expect(() => logit(trainLogistic(rows, labels), [1, 2])).toThrow(/feature length/);
  });
});

describe('rocAuc', () => {
  it.each([
    [[3, 4], [1, 2], 1],
    [[1, 2], [3, 4], 0],
    [[1, 1], [1, 1], 0.5],
    [[2, 4], [1, 3], 0.75],
    [[3], [1, 3, 5], 0.5],
  ])('pos %j neg %j -> %f', (pos, neg, auc) => {
    expect(rocAuc(pos, neg)).toBeCloseTo(auc, 12);
  });
  it('is NaN without one class', () => {
    expect(rocAuc([], [1])).toBeNaN();
  });
});

describe('rates at a threshold (score >= threshold counts as flagged)', () => {
  it.each([
    [[10, 50, 90], 50, 2 / 3],
    [[49.99, 50], 50, 0.5],
    [[], 50, Number.NaN],
  ])('%j at %f -> %f', (scores, t, r) => {
    if (Number.isNaN(r)) expect(rate(scores, (s) => s >= t)).toBeNaN();
    else expect(rate(scores, (s) => s >= t)).toBeCloseTo(r, 12);
  });

  it('reportOf counts positives and negatives and carries no_face', () => {
    const mk = (positive: boolean, score: number) => ({ path: '', label: '', positive, score });
    const r = reportOf([mk(true, 80), mk(true, 40), mk(false, 60), mk(false, 10)], 50, 3);
    expect(r).toEqual({
      auc: 0.75,
      tpr: 0.5,
      fpr: 0.5,
      threshold: 50,
      n_pos: 2,
      n_neg: 2,
      no_face: 3,
    });
  });
});

describe('stratifiedFolds', () => {
  it('spreads each class evenly over the folds, the same way for the same seed', () => {
    const labels = Array.from({ length: 23 }, (_, i) => i < 10);
    const folds = stratifiedFolds(labels, 5, 7);
    expect(stratifiedFolds(labels, 5, 7)).toEqual(folds);
    for (let f = 0; f < 5; f++) {
      expect(labels.filter((l, i) => l && folds[i] === f)).toHaveLength(2);
      const neg = labels.filter((l, i) => !l && folds[i] === f).length;
      expect(neg === 2 || neg === 3 || neg === 4).toBe(true);
    }
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });
});

describe('check models', () => {
  const model: CheckModelFile = {
    check: 'occluded',
    version: 't',
    feature_model: 't',
    blocks: ['stats', 'chip'],
    mean: [0, 0, 0],
    std: [1, 1, 1],
    weights: [1, 0, 2],
    bias: 0,
    recommended_threshold: 50,
    training: {},
  };
  const models = makeCheckModels({ occluded: model });

  it('reads its blocks in its own order', () => {
    expect(featureRow({ chip: [3], stats: [1, 2] }, model.blocks)).toEqual([1, 2, 3]);
    expect(() => featureRow({ stats: [1, 2] }, model.blocks)).toThrow(/chip missing/);
  });

  it('asks for the blocks of the enabled checks only, and scores only those', () => {
    expect(models.blocksFor(['occluded_score'])).toEqual(['chip', 'stats']);
    expect(models.blocksFor([])).toEqual([]);
    // z = 1*0 + 0*0 + 2*0 = 0 -> 50; z = 1 + 2*1 = 3 -> 95.25
    expect(models.score({ stats: [0, 0], chip: [0] }, ['occluded_score'])).toEqual({
      occluded_score: 50,
    });
    expect(models.score({ stats: [1, 5], chip: [1] }, ['occluded_score'])).toEqual({
      occluded_score: 95.25,
    });
    expect(() => models.blocksFor(['face_cover_score'])).toThrow(/no model/);
  });

  it('the shipped models load, with consistent shapes', () => {
    const shipped = shippedCheckModels();
    for (const m of Object.values(shipped.models)) {
      expect(m.weights.length).toBe(m.mean.length);
      expect(m.std.every((s) => s > 0)).toBe(true);
    }
    for (const m of Object.values(shipped.models)) {
      expect(m.weights.length).toBe(m.blocks.reduce((n, b) => n + BLOCK_LENGTH[b], 0));
    }
  });
});
