// All genuine (same identity) and impostor (different identities) pairs among enrolled images.
import { euclidean } from '../match/descriptor-distance';

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
