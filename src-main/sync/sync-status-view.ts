// The sync service's detailed status, reduced to what the status bar shows.
import type { SyncStatus as SyncStatusView } from '../../src-shared/contract/sync';
import type { SyncStatus } from './sync-status';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toSyncStatusView(status: SyncStatus): SyncStatusView {
  const pull = status.pull;
  const pulling = pull !== null && (pull.phase === 'listing' || pull.phase === 'revalidating');
  return {
    configured: status.state !== 'not_configured',
    online: status.online,
    queue: { pending: status.queue.pending, parked: status.queue.parked },
    lastSuccessAt: iso(status.lastSuccessfulSyncAt),
    lastError: status.lastError ?? status.reason,
    cache: {
      submissions: status.cache.submissions,
      freshAt: iso(status.cache.lastPullCompletedAt),
    },
    disagreements: status.openDisagreements,
    pull: pulling
      ? {
          listed: pull.listed,
          enrolled: pull.enrolled,
          fraction: Math.max(0, Math.min(1, pull.fractionDone)),
          etaSeconds:
            pull.estimatedRemainingMs === null
              ? null
              : Math.round(pull.estimatedRemainingMs / 1000),
        }
      : null,
  };
}
