// Composes the sync status the UI shows from the scheduler's state and the store's counts;
// counts not read this time keep their previous values (a store that is closing keeps the last).
import type { ConnectivityState } from './connectivity';
import type { Pause } from './sync-context';
import type { PullProgress } from './pull-progress';
import type { SyncState, SyncStatus } from './sync-status';

export interface StatusCounts {
  submissions: number;
  verifiable: number;
  oldestVerifiableSeenAt: number | null;
  unsyncedResults: number;
  openDisagreements: number;
  lastPullCompletedAt: number | null;
}

export interface SchedulerState {
  now: number;
  configured: boolean;
  running: boolean;
  busy: boolean;
  connectivity: ConnectivityState;
  pause: Pause | null;
  lastSuccessfulSyncAt: number | null;
  lastError: string | null;
  pull: PullProgress | null;
}

export function composeStatus(
  state: SchedulerState,
  counts: StatusCounts | null,
  queue: { pending: number; parked: number } | null,
  previous: SyncStatus | null,
): SyncStatus {
  const { now, connectivity } = state;
  const paused = state.pause !== null && state.pause.until > now ? state.pause : null;
  let phase: SyncState;
  if (!state.configured) phase = 'not_configured';
  else if (!state.running) phase = 'stopped';
  else if (!connectivity.online) phase = 'offline';
  else if (paused !== null) phase = 'paused';
  else if (state.busy) phase = 'syncing';
  else phase = 'idle';
  return {
    state: phase,
    online: connectivity.online,
    reason: paused?.reason ?? (connectivity.online ? null : connectivity.reason),
    queue: {
      pending: queue?.pending ?? previous?.queue.pending ?? 0,
      parked: queue?.parked ?? previous?.queue.parked ?? 0,
      unsyncedResults: counts?.unsyncedResults ?? previous?.queue.unsyncedResults ?? 0,
    },
    lastSuccessfulSyncAt: state.lastSuccessfulSyncAt,
    lastError: state.lastError,
    pausedUntil: paused?.until ?? null,
    cache: {
      submissions: counts?.submissions ?? previous?.cache.submissions ?? 0,
      verifiable: counts?.verifiable ?? previous?.cache.verifiable ?? 0,
      lastPullCompletedAt:
        counts?.lastPullCompletedAt ?? previous?.cache.lastPullCompletedAt ?? null,
      oldestConfirmationAgeMs:
        counts?.oldestVerifiableSeenAt == null
          ? null
          : Math.max(0, now - counts.oldestVerifiableSeenAt),
    },
    pull: state.pull,
    openDisagreements: counts?.openDisagreements ?? previous?.openDisagreements ?? 0,
  };
}
