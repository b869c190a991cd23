// All genuine (same identity) and impostor (different identities) pairs among enrolled images.
import { euclidean } from '../../src-main/engine/match/descriptor-distance';

export interface EnrolledSample {
  identity: string;
  descriptor: ArrayLike<number>;
}

export interface PairDistances {
  genuine: Float64Array;
  impostor: Float64Array;
}

export function pairDistances(samples: readonly EnrolledSample[]): PairDistances {
  const genuine: number[] = [];
  const impostor: number[] = [];
  samples.forEach((a, i) => {
    for (let j = i + 1; j < samples.length; j++) {
      const b = samples[j];
      if (b === undefined) continue;
      (a.identity === b.identity ? genuine : impostor).push(euclidean(a.descriptor, b.descriptor));
    }
  });
  return { genuine: Float64Array.from(genuine), impostor: Float64Array.from(impostor) };
}

/** Genuine pairs among ALL images of a dataset, enrolled or not: sum over identities of n(n-1)/2. */
export function genuinePairCount(identities: readonly string[]): number {
  const perIdentity = new Map<string, number>();
  for (const id of identities) perIdentity.set(id, (perIdentity.get(id) ?? 0) + 1);
  let pairs = 0;
  for (const n of perIdentity.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}
