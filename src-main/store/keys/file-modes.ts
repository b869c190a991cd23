// Owner-only permissions for everything the station keeps at rest: the data folder 0700, the
// database with its -wal/-shm files, key files and exports 0600. Applied at every start, also to
// files and folders that already exist (a restored backup or an older version may have left them
// readable by others). SQLite gives -wal/-shm the mode of the database file, so the database is
// created 0600 before SQLite first opens it.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates the database file empty and 0600 if missing; tightens it and its companions. */
export function prepareDatabaseFiles(dbPath: string): void {
  if (!existsSync(dbPath)) closeSync(openSync(dbPath, 'a', PRIVATE_FILE_MODE));
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
