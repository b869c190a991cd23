// Released migration: never edit it; add a new numbered file instead.
// Hash-chained audit log. The triggers stop accidental edits by the app; a local attacker can
// drop them, which is why verify() and the centrally synced head exist.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion3(db: WritableDb): void {
  db.exec(`
    CREATE TABLE audit_log (
      seq INTEGER NOT NULL PRIMARY KEY,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      actor TEXT,
      payload_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

    -- The last head the central API confirmed; tampering below it cannot be re-hashed unseen.
    CREATE TABLE audit_synced_head (
      id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      confirmed_at INTEGER NOT NULL
    ) STRICT;
  `);
}
