// The pull cursor, persisted in the store after every page (in the page's own transaction), so a
// killed pull resumes at the first page it had not finished.
import type { PullCounts } from './pull-progress';

export const PULL_CURSOR = 'pull';

export interface ActiveSweep {
  sweepId: string;
  /** full: every day since fromDate, then a check of cached items the listing no longer shows. */
  mode: 'full' | 'incremental';
  sweepFrom: string;
  sweepTo: string;
  windowStart: string;
  after: { id: string; date: string } | null;
  phase: 'listing' | 'revalidating';
  startedAt: number;
  counts: PullCounts;
}

export interface PullCursor {
  active: ActiveSweep | null;
  lastCompletedAt: number | null;
  lastCompletedTo: string | null;
  lastFullSweepAt: number | null;
}

export const EMPTY_CURSOR: PullCursor = {
  active: null,
  lastCompletedAt: null,
  lastCompletedTo: null,
  lastFullSweepAt: null,
};

export function asPullCursor(value: unknown): PullCursor {
  const v = value as Partial<PullCursor> | null;
  if (v === null || typeof v !== 'object') return EMPTY_CURSOR;
  return {
    active: v.active ?? null,
    lastCompletedAt: v.lastCompletedAt ?? null,
    lastCompletedTo: v.lastCompletedTo ?? null,
    lastFullSweepAt: v.lastFullSweepAt ?? null,
  };
}
