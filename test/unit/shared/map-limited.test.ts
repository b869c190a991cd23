// The one bounded-concurrency map (sync, CLI, checks): order kept, never more than `limit` in
// flight, every item run once, an empty list answered at once.
import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../src-shared/map-limited';
import { roleAllows } from '../../../src-shared/operator-roles';

describe('mapLimited', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (value, index) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      seen.push(index);
      // Later items finish first: order must come from the index, not from completion.
      for (let tick = 0; tick < value; tick += 1) await Promise.resolve();
      inFlight -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(await mapLimited([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe('roleAllows', () => {
  it('ranks operator < supervisor < admin', () => {
    expect(roleAllows('admin', 'supervisor')).toBe(true);
    expect(roleAllows('supervisor', 'supervisor')).toBe(true);
    expect(roleAllows('operator', 'supervisor')).toBe(false);
    expect(roleAllows('supervisor', 'admin')).toBe(false);
  });
});
