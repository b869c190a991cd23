// Released migration: never edit it; add a new numbered file instead.
// Keys the audit chain: each entry gets a MAC (HMAC-SHA256 under a key kept outside the
// database), so that an attacker with the file can no longer delete an entry and re-hash the
// rest. Entries written before this migration are sealed once, at the first start that has the
// new key (the worker fills their NULL mac; the trigger allows exactly that and nothing else).
// Heads acknowledged by the station-events endpoint are kept, each with its own MAC.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion7(db: WritableDb): void {
  db.exec(`
    ALTER TABLE audit_log ADD COLUMN mac TEXT;
    DROP TRIGGER audit_log_append_only_update;
    CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.seq = OLD.seq
        AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor IS OLD.actor
        AND NEW.payload_json = OLD.payload_json AND NEW.prev_hash = OLD.prev_hash
        AND NEW.hash = OLD.hash)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

    CREATE TABLE audit_acknowledgements (
      seq INTEGER NOT NULL PRIMARY KEY,
      hash TEXT NOT NULL,
      acknowledged_at INTEGER NOT NULL,
      mac TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_acknowledgements_no_update BEFORE UPDATE ON audit_acknowledgements
      BEGIN SELECT RAISE(ABORT, 'audit_acknowledgements is append-only'); END;
    CREATE TRIGGER audit_acknowledgements_no_delete BEFORE DELETE ON audit_acknowledgements
      BEGIN SELECT RAISE(ABORT, 'audit_acknowledgements is append-only'); END;
  `);
}
