// The small-face safety measurement's arithmetic (scripts/covered/small-face-rates.ts): which
// pairs count as genuine or impostor, that a probe is never compared with its own reference, and
// where the FMR threshold falls.
import { describe, expect, it } from 'vitest';
import {
  distanceAtFmr,
  fullSizeImpostorDistances,
  probeRates,
  type Sample,
} from '../../../../scripts/covered/small-face-rates';
import { distanceToScore } from '../../../../src-main/engine';

const at = (x: number): number[] => [x, ...new Array<number>(127).fill(0)];
const sample = (index: number, identity: string, x: number): Sample => ({
  index,
  identity,
  descriptor: at(x),
});

describe('small-face rates', () => {
  it('puts the FMR threshold strictly below the (k+1)-th smallest impostor distance', () => {
    const distances = Array.from({ length: 2000 }, (_, i) => 1 + i / 1000);
    // floor(1e-3 * 2000) = 2 impostors may pass: those at 1.000 and 1.001, not 1.002.
    expect(distanceAtFmr(distances, 1e-3)).toBeCloseTo(1.002, 9);
  });

  it('counts each probe against every other reference, never against itself', () => {
    const refs = [sample(0, 'a', 0), sample(1, 'a', 0.1), sample(2, 'b', 0.2), sample(3, 'c', 3)];
    const impostors = fullSizeImpostorDistances(refs).map((d) => Number(d.toFixed(6)));
    expect(impostors.sort((x, y) => x - y)).toEqual([0.1, 0.2, 2.8, 2.9, 3]);
    const shipped = distanceToScore(0.2) - 0.01; // a stranger 0.2 away passes, 2.8 does not
    const rates = probeRates([sample(0, 'a', 0)], refs, shipped, 0.25);
    expect(rates).toMatchObject({ probes: 1, genuine_pairs: 1, impostor_pairs: 2 });
    expect(rates.shipped).toEqual({ impostor_accepted: 1, fmr: 0.5, fnmr: 0 });
    expect(rates.at_full_fmr_1e3).toEqual({ impostor_accepted: 1, fmr: 0.5, fnmr: 0 });
    expect(rates.max_impostor_score).toBe(distanceToScore(0.2));
  });
});
