// Rates of the small-face safety measurement (scripts/covered/small-face-safety.ts): each probe
// (possibly downscaled) against the full-size references of every identity, itself excluded.
import { distanceToScore, SHIPPED_CALIBRATION } from '../../src-main/engine';
import { euclidean } from '../../src-main/engine/match/descriptor-distance';

export interface Sample {
  index: number;
  identity: string;
  descriptor: ArrayLike<number>;
}

export interface ProbeRates {
  probes: number;
  genuine_pairs: number;
  impostor_pairs: number;
  /** Calibrated score >= the shipped policy threshold. */
  shipped: { impostor_accepted: number; fmr: number; fnmr: number };
  /** Distance below the full-size FMR 1e-3 distance threshold. */
  at_full_fmr_1e3: { impostor_accepted: number; fmr: number; fnmr: number };
  /** Highest calibrated impostor score: how close the nearest stranger came. */
  max_impostor_score: number;
}

/** Distance under which a pair is accepted at FMR `target` over the impostor distances given:
 *  strictly below the (k+1)-th smallest, k = floor(target * n). */
export function distanceAtFmr(impostorDistances: readonly number[], target: number): number {
  const sorted = [...impostorDistances].sort((a, b) => a - b);
  return sorted[Math.floor(target * sorted.length)] ?? Infinity;
}

export function fullSizeImpostorDistances(refs: readonly Sample[]): number[] {
  const out: number[] = [];
  refs.forEach((a, i) => {
    for (const b of refs.slice(i + 1)) {
      if (a.identity !== b.identity) out.push(euclidean(a.descriptor, b.descriptor));
    }
  });
  return out;
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Number((n / d).toFixed(6)));

export function probeRates(
  probes: readonly Sample[],
  refs: readonly Sample[],
  shippedThreshold: number,
  distanceThreshold: number,
): ProbeRates {
  let genuine = 0;
  let impostor = 0;
  let gAcceptShipped = 0;
  let gAcceptDist = 0;
  let iAcceptShipped = 0;
  let iAcceptDist = 0;
  let maxImpostor = 0;
  for (const p of probes) {
    for (const r of refs) {
      if (r.index === p.index) continue;
      const d = euclidean(p.descriptor, r.descriptor);
      const score = distanceToScore(d, SHIPPED_CALIBRATION);
      const okShipped = score >= shippedThreshold;
      const okDist = d < distanceThreshold;
      if (r.identity === p.identity) {
        genuine++;
        if (okShipped) gAcceptShipped++;
        if (okDist) gAcceptDist++;
      } else {
        impostor++;
        if (okShipped) iAcceptShipped++;
        if (okDist) iAcceptDist++;
        maxImpostor = Math.max(maxImpostor, score);
      }
    }
  }
  return {
    probes: probes.length,
    genuine_pairs: genuine,
    impostor_pairs: impostor,
    shipped: {
      impostor_accepted: iAcceptShipped,
      fmr: ratio(iAcceptShipped, impostor),
      fnmr: ratio(genuine - gAcceptShipped, genuine),
    },
    at_full_fmr_1e3: {
      impostor_accepted: iAcceptDist,
      fmr: ratio(iAcceptDist, impostor),
      fnmr: ratio(genuine - gAcceptDist, genuine),
    },
    max_impostor_score: maxImpostor,
  };
}
