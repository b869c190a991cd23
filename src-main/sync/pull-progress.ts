// Pull progress for the UI: counts so far, the share of the date range covered, throughput and
// an estimate of the time left. The central API gives no total, so the estimate extrapolates
// from the share of days swept; it is null until enough is known to say anything honest.
export type PullPhase = 'idle' | 'listing' | 'revalidating' | 'done' | 'failed';

export interface PullCounts {
  listed: number;
  enrolled: number;
  enrollFailed: number;
  removed: number;
  unchanged: number;
}

export interface PullProgress extends PullCounts {
  phase: PullPhase;
  mode: 'full' | 'incremental' | null;
  sweepFrom: string | null;
  sweepTo: string | null;
  /** The day the sweep has reached. */
  at: string | null;
  startedAt: number | null;
  elapsedMs: number;
  /** Items listed per second in this process's share of the sweep. */
  itemsPerSecond: number | null;
  /** 0-1 share of the date range covered. */
  fractionDone: number;
  estimatedRemainingMs: number | null;
  lastError: string | null;
}

export function emptyCounts(): PullCounts {
  return { listed: 0, enrolled: 0, enrollFailed: 0, removed: 0, unchanged: 0 };
}

export const IDLE_PROGRESS: PullProgress = {
  phase: 'idle',
  mode: null,
  sweepFrom: null,
  sweepTo: null,
  at: null,
  startedAt: null,
  elapsedMs: 0,
  itemsPerSecond: null,
  fractionDone: 0,
  estimatedRemainingMs: null,
  lastError: null,
  ...emptyCounts(),
};

const DAY_MS = 86_400_000;

function dayIndex(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00.000Z`) / DAY_MS);
}

/** Share of [from, to] done when the sweep has finished every day before `at`. */
export function fractionOfDays(from: string, to: string, at: string): number {
  const total = dayIndex(to) - dayIndex(from) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (dayIndex(at) - dayIndex(from)) / total));
}

export function estimateRemaining(
  fraction: number,
  elapsedMs: number,
  sessionItems: number,
): { itemsPerSecond: number | null; estimatedRemainingMs: number | null } {
  const itemsPerSecond =
    elapsedMs > 0 && sessionItems > 0 ? (sessionItems * 1000) / elapsedMs : null;
  // Below 5% the extrapolation is noise; say nothing rather than something wrong.
  const estimatedRemainingMs =
    fraction >= 0.05 && fraction < 1
      ? Math.round((elapsedMs / fraction) * (1 - fraction))
      : fraction >= 1
        ? 0
        : null;
  return { itemsPerSecond, estimatedRemainingMs };
}
