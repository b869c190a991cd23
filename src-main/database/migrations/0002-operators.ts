// Released migration: never edit it; add a new numbered file instead.
// Local operator accounts and their sessions (tokens are stored only as SHA-256 hashes).
import type { WritableDb } from '../db/sql';

export function updateToSchemaVersion2(db: WritableDb): void {
  db.exec(`
    CREATE TABLE operators (
      operator_id TEXT NOT NULL PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
      password_hash TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      created_at INTEGER NOT NULL,
      disabled_at INTEGER
    ) STRICT;

    CREATE TABLE operator_sessions (
      token_hash TEXT NOT NULL PRIMARY KEY,
      operator_id TEXT NOT NULL REFERENCES operators (operator_id),
      created_at INTEGER NOT NULL,
      last_used_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE INDEX operator_sessions_operator ON operator_sessions (operator_id);
  `);
}
