// Biometric verification metrics over ALL genuine and impostor pairs (ISO/IEC 19795-1 terms):
// FMR = impostor pairs accepted / impostor pairs, FNMR = genuine pairs rejected / genuine pairs.
// Works on comparison scores where higher means more similar; accept when score >= threshold.

export interface PairScores {
  genuine: Float64Array;
  impostor: Float64Array;
}

export interface OperatingPoint {
  threshold: number;
  fmr: number;
  fnmr: number;
}

function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/** Number of values in ascending `sorted` that are >= t (binary search). */
function countAtLeast(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

export function operatingPoint(scores: PairScores, threshold: number): OperatingPoint {
  const g = sortedCopy(scores.genuine);
  const i = sortedCopy(scores.impostor);
  return rates(g, i, threshold);
}

function rates(g: Float64Array, i: Float64Array, threshold: number): OperatingPoint {
  return {
    threshold,
    fmr: i.length === 0 ? 0 : countAtLeast(i, threshold) / i.length,
    fnmr: g.length === 0 ? 0 : 1 - countAtLeast(g, threshold) / g.length,
  };
}

/**
 * The lowest threshold whose FMR does not exceed `targetFmr`: just above the k-th highest impostor
 * score, where k = floor(targetFmr * impostors). Ties are handled by stepping past equal scores.
 */
export function pointAtFmr(
  scores: PairScores,
  targetFmr: number,
  /** When scores are multiples of `resolution`, step to the next multiple instead of nextUp. */
  resolution?: number,
): OperatingPoint {
  const g = sortedCopy(scores.genuine);
  const i = sortedCopy(scores.impostor);
  const allowed = Math.floor(targetFmr * i.length);
  // Scores strictly above the (allowed+1)-th highest impostor score are accepted.
  const idx = i.length - allowed - 1;
  const cut = idx >= 0 ? (i[idx] ?? -Infinity) : -Infinity;
  let threshold = -Infinity;
  if (cut !== -Infinity) {
    threshold =
      resolution === undefined
        ? nextUp(cut)
        : Math.round((Math.round(cut / resolution) + 1) * resolution * 1e6) / 1e6;
  }
  return rates(g, i, threshold);
}

/** Smallest double strictly greater than x (so that `score >= threshold` excludes x itself). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

/** Equal error rate: where FMR and FNMR cross, interpolated over all distinct thresholds. */
export function equalErrorRate(scores: PairScores): number {
  const g = sortedCopy(scores.genuine);
  const i = sortedCopy(scores.impostor);
  const thresholds = sortedCopy(Float64Array.from([...g, ...i]));
  let best = 1;
  let bestGap = Infinity;
  for (const t of thresholds) {
    const p = rates(g, i, t);
    const gap = Math.abs(p.fmr - p.fnmr);
    if (gap < bestGap) {
      bestGap = gap;
      best = (p.fmr + p.fnmr) / 2;
    }
  }
  return best;
}

/** ROC AUC = P(genuine score > impostor score) + 0.5 P(equal), by the rank-sum statistic. */
export function areaUnderRoc(scores: PairScores): number {
  const g = sortedCopy(scores.genuine);
  const i = sortedCopy(scores.impostor);
  if (g.length === 0 || i.length === 0) return Number.NaN;
  let wins = 0;
  let j = 0;
  let k = 0;
  for (const s of g) {
    while (j < i.length && (i[j] ?? 0) < s) j++;
    k = Math.max(k, j);
    while (k < i.length && (i[k] ?? 0) === s) k++;
    wins += j + (k - j) / 2;
  }
  return wins / (g.length * i.length);
}
