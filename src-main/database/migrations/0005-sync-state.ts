// Released migration: never edit it; add a new numbered file instead.
// State the sync module must keep across crashes: pull cursors, push attempts whose outcome may
// be unknown (so a retry reconciles before posting again), event batches with their fixed
// Idempotency-Key, what each pulled submission looked like, and verdicts the central API
// disagreed with (for a supervisor).
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion5(db: WritableDb): void {
  db.exec(`
    CREATE TABLE sync_cursors (
      name TEXT NOT NULL PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- A row exists from just before a POST until its outcome is known: a row found at the next
    -- attempt means "maybe delivered", and the result is looked up centrally before re-posting.
    CREATE TABLE sync_push_attempts (
      authentication_id TEXT NOT NULL PRIMARY KEY,
      attempts INTEGER NOT NULL,
      first_attempt_at INTEGER NOT NULL,
      last_attempt_at INTEGER NOT NULL
    ) STRICT;

    -- A batch keeps its key and body until confirmed, so a resend after a crash is the same batch.
    CREATE TABLE sync_event_batches (
      idempotency_key TEXT NOT NULL PRIMARY KEY,
      outbox_ids_json TEXT NOT NULL,
      body_json TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sync_submission_marks (
      submission_id TEXT NOT NULL PRIMARY KEY,
      kyc_result_at TEXT,
      sweep_id TEXT NOT NULL,
      enroll_error TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sync_submission_marks_sweep ON sync_submission_marks (sweep_id);

    CREATE TABLE central_disagreements (
      authentication_id TEXT NOT NULL PRIMARY KEY,
      local_status TEXT NOT NULL,
      central_status TEXT NOT NULL,
      central_authentication_id TEXT,
      flagged_at INTEGER NOT NULL,
      reviewed_at INTEGER
    ) STRICT;
    CREATE INDEX central_disagreements_open ON central_disagreements (flagged_at)
      WHERE reviewed_at IS NULL;
  `);
}
