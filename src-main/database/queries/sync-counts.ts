// The counts the sync status shows, in one read.
import { queryOne, sql, type ReadableDb } from '../db/sql';

export interface SyncCounts {
  submissions: number;
  verifiable: number;
  newest_seen_at: number | null;
  oldest_verifiable_seen_at: number | null;
  unsynced_results: number;
  open_disagreements: number;
  pending_event_batches: number;
}

export function syncCounts(db: ReadableDb): SyncCounts {
  const row = queryOne<SyncCounts>(
    db,
    sql`SELECT
          (SELECT count(*) FROM submissions) AS submissions,
          (SELECT count(*) FROM submissions WHERE status = 'approved' AND templates_enc IS NOT NULL)
            AS verifiable,
          (SELECT max(last_seen_at) FROM submissions) AS newest_seen_at,
          (SELECT min(last_seen_at) FROM submissions
            WHERE status = 'approved' AND templates_enc IS NOT NULL) AS oldest_verifiable_seen_at,
          (SELECT count(*) FROM results WHERE synced_at IS NULL) AS unsynced_results,
          (SELECT count(*) FROM central_disagreements WHERE reviewed_at IS NULL)
            AS open_disagreements,
          (SELECT count(*) FROM sync_event_batches) AS pending_event_batches`,
  );
  if (row === undefined) throw new Error('count query returned no row');
  return row;
}
