// Released migration: never edit it; add a new numbered file instead.
// 0005's sync_submission_marks_sweep indexed sweep_id, but no query looks marks up by sweep: the
// end-of-sweep check (approvedNotInSweep) walks approved submissions and joins each one's mark by
// its primary key, and `sweep_id <> ?` cannot use an index anyway. Every pull rewrites sweep_id on
// each listed submission, so the index only cost a second B-tree write per row.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion9(db: WritableDb): void {
  db.exec(`DROP INDEX sync_submission_marks_sweep;`);
}
