// Released migration: never edit it; add a new numbered file instead.
// Submissions cache, results with their outbox, overrides and settings.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion1(db: WritableDb): void {
  db.exec(`
    -- Projects share a handful of policies; one row each instead of one copy per submission.
    CREATE TABLE project_policies (
      policy_id INTEGER PRIMARY KEY,
      policy_json TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE submissions (
      submission_id TEXT NOT NULL PRIMARY KEY,
      status TEXT NOT NULL,
      policy_id INTEGER NOT NULL REFERENCES project_policies (policy_id),
      template_model_version TEXT,
      templates_enc BLOB,
      thumbnail_enc BLOB,
      last_seen_at INTEGER NOT NULL,
      status_changed_at INTEGER NOT NULL,
      templates_purged_at INTEGER
    ) STRICT;
    CREATE INDEX submissions_template_retention ON submissions (last_seen_at)
      WHERE templates_enc IS NOT NULL OR thumbnail_enc IS NOT NULL;

    CREATE TABLE results (
      authentication_id TEXT NOT NULL PRIMARY KEY,
      -- No foreign key: the cached submission may be purged long before its results.
      submission_id TEXT NOT NULL,
      auth_status TEXT NOT NULL CHECK (auth_status IN ('approved', 'rejected')),
      create_time TEXT NOT NULL,
      result_json TEXT NOT NULL,
      request_fields_json TEXT NOT NULL,
      model_version TEXT NOT NULL,
      policy_version TEXT NOT NULL,
      station_id TEXT NOT NULL,
      operator_id TEXT,
      captured_image_enc BLOB,
      image_purged_at INTEGER,
      recorded_at INTEGER NOT NULL,
      synced_at INTEGER,
      central_verdict_json TEXT,
      central_verdict_at INTEGER
    ) STRICT;
    CREATE INDEX results_recorded_at ON results (recorded_at);
    CREATE INDEX results_submission ON results (submission_id);

    CREATE TABLE overrides (
      override_id INTEGER PRIMARY KEY,
      authentication_id TEXT NOT NULL REFERENCES results (authentication_id),
      supervisor_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
      reason TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX overrides_result ON overrides (authentication_id);

    -- Written in the same transaction as the record it announces; deleted only on confirmation.
    CREATE TABLE outbox (
      outbox_id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('result', 'override', 'audit')),
      ref TEXT NOT NULL,
      payload_json TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      claimed_until INTEGER,
      last_error TEXT,
      parked_at INTEGER,
      park_reason TEXT,
      UNIQUE (kind, ref)
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (next_attempt_at, outbox_id) WHERE parked_at IS NULL;

    CREATE TABLE settings (
      key TEXT NOT NULL PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `);
}
