// The pull estimate extrapolates from the share of days swept and stays silent below 5%.
import { describe, expect, it } from 'vitest';
import { estimateRemaining, fractionOfDays } from '../../../src-main/sync/pull-progress';

describe('pull progress', () => {
  it.each([
    ['2026-01-01', '2026-01-10', '2026-01-01', 0],
    ['2026-01-01', '2026-01-10', '2026-01-06', 0.5],
    ['2026-01-01', '2026-01-10', '2026-01-11', 1],
    ['2026-01-05', '2026-01-05', '2026-01-05', 0],
  ])('from %s to %s at %s is %f done', (from, to, at, expected) => {
    expect(fractionOfDays(from, to, at)).toBeCloseTo(expected);
  });

  it('estimates the remaining time from elapsed time and fraction', () => {
    expect(estimateRemaining(0.25, 10_000, 100)).toEqual({
      itemsPerSecond: 10,
      estimatedRemainingMs: 30_000,
    });
    expect(estimateRemaining(0.01, 10_000, 100).estimatedRemainingMs).toBeNull();
    expect(estimateRemaining(1, 10_000, 0)).toEqual({
      itemsPerSecond: null,
      estimatedRemainingMs: 0,
    });
  });
});
