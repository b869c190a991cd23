// Released migration: never edit it; add a new numbered file instead.
// A check value per station key (HMAC of a fixed label under the key), so that a lost, swapped
// or wrong key file is recognised at start-up instead of failing later on each encrypted value.
// The value reveals nothing about the key; the keys themselves stay outside the database.
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion6(db: WritableDb): void {
  db.exec(`
    CREATE TABLE station_key_checks (
      name TEXT NOT NULL PRIMARY KEY CHECK (name IN ('data', 'audit')),
      check_value BLOB NOT NULL,
      recorded_at INTEGER NOT NULL
    ) STRICT;
  `);
}
