// The sync status the UI shows: reachability, queue, last successful sync, cache size and
// freshness, pull progress and anything a supervisor must look at.
import type { PullProgress } from './pull-progress';

export type SyncState = 'stopped' | 'idle' | 'syncing' | 'offline' | 'paused' | 'not_configured';

export interface SyncStatus {
  state: SyncState;
  online: boolean;
  /** Why the station is offline or paused, in words an operator can act on. */
  reason: string | null;
  queue: {
    /** Outbox items not yet delivered (results, overrides, audit entries). */
    pending: number;
    /** Items refused for good, with their reason in the outbox. */
    parked: number;
    unsyncedResults: number;
  };
  /** When a sync pass last finished with every due item handled (ms since epoch). */
  lastSuccessfulSyncAt: number | null;
  lastError: string | null;
  pausedUntil: number | null;
  cache: {
    submissions: number;
    /** Approved submissions with usable reference templates. */
    verifiable: number;
    /** When a pull sweep last completed. */
    lastPullCompletedAt: number | null;
    /** The longest any verifiable submission has gone without being confirmed by a pull. */
    oldestConfirmationAgeMs: number | null;
  };
  pull: PullProgress | null;
  /** Results whose central verdict differs from the local one, awaiting a supervisor. */
  openDisagreements: number;
}

export interface SyncRunReport {
  delivered: number;
  reconciledFound: number;
  reposted: number;
  parked: number;
  failed: number;
  eventsSent: number;
  pulled: PullProgress | null;
  /** true when every due item was handled (nothing failed or waits). */
  clean: boolean;
}

/** Typed push events, in the style of the store's handler map. */
export interface SyncEvents {
  status: [SyncStatus];
  pullProgress: [PullProgress];
  /** A result was delivered and the central engine decided differently. */
  disagreement: [{ count: number }];
}
