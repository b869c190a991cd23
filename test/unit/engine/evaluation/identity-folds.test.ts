import { describe, expect, it } from 'vitest';
import { assignIdentityFolds, seededRandom } from '../../../../tools/evaluation/identity-folds';
import { allPairs, foldPairs } from '../../../../tools/evaluation/pair-table';

// 12 people with 1 to 5 photos each, in a shuffled order (photos of a person not adjacent).
const people = Array.from({ length: 12 }, (_, p) => `person${p}`);
const identities = people.flatMap((id, p) => Array.from({ length: 1 + (p % 5) }, () => id));
const random = seededRandom(7);
for (let i = identities.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [identities[i], identities[j]] = [identities[j] as string, identities[i] as string];
}

describe('folds split by identity', () => {
  it('deals every identity to exactly one fold, fold sizes within one identity', () => {
    const folds = assignIdentityFolds(identities, 5, 1);
    expect([...folds.keys()].sort()).toEqual([...people].sort());
    const sizes = [0, 1, 2, 3, 4].map((f) => [...folds.values()].filter((v) => v === f).length);
    expect(sizes.sort()).toEqual([2, 2, 2, 3, 3]);
  });

  it('is reproducible for a seed and shuffles differently for another', () => {
    const a = assignIdentityFolds(identities, 3, 1);
    expect(assignIdentityFolds([...identities].reverse(), 3, 1)).toEqual(a);
    const seeds = [2, 3, 4, 5].map((s) => assignIdentityFolds(identities, 3, s));
    expect(seeds.some((b) => [...b].some(([id, f]) => a.get(id) !== f))).toBe(true);
  });

  it('refuses fold counts that cannot hold one identity each', () => {
    expect(() => assignIdentityFolds(identities, 1)).toThrow(RangeError);
    expect(() => assignIdentityFolds(identities, 13)).toThrow(/2\.\.12 folds/);
    expect(() => assignIdentityFolds(identities, 2.5)).toThrow(RangeError);
  });

  it('never lets a held-out person appear in a training pair, and drops pairs across the split', () => {
    const folds = assignIdentityFolds(identities, 4, 3);
    const foldOfImage = identities.map((id) => folds.get(id) ?? -1);
    const table = allPairs(identities);
    for (let f = 0; f < 4; f++) {
      const { train, test } = foldPairs(table, foldOfImage, f);
      const people = (pairs: Uint32Array) =>
        new Set(
          [...pairs].flatMap((k) => [
            identities[table.first[k] ?? 0],
            identities[table.second[k] ?? 0],
          ]),
        );
      const trainPeople = people(train);
      for (const id of people(test)) expect(trainPeople.has(id)).toBe(false);
      const inFold = foldOfImage.filter((x) => x === f).length;
      const outside = identities.length - inFold;
      expect(test.length).toBe((inFold * (inFold - 1)) / 2);
      expect(train.length).toBe((outside * (outside - 1)) / 2);
    }
  });
});

describe('pair table', () => {
  it('lists each unordered pair once and marks same-identity pairs genuine', () => {
    const table = allPairs(['a', 'b', 'a', 'c']);
    expect([...table.first]).toEqual([0, 0, 0, 1, 1, 2]);
    expect([...table.second]).toEqual([1, 2, 3, 2, 3, 3]);
    expect([...table.genuine]).toEqual([0, 1, 0, 0, 0, 0]);
  });
});
