// Connection settings applied on EVERY open: SQLite keeps journal_mode in the file but not
// synchronous, foreign_keys or secure_delete, and better-sqlite3 reopens a WAL database with
// synchronous=NORMAL, which can lose the last commits on power loss (https://sqlite.org/pragma.html).
import type { ReadableDb, WritableDb } from './sql';
import { StoreError } from '../errors';

export function applyWritablePragmas(db: WritableDb): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new StoreError('internal', `journal_mode is ${String(mode)}, not wal`);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Freed pages and cells are zeroed, so purged biometrics do not linger in the file.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB page cache: submission ids arrive in no particular order, and with SQLite's 2 MiB
  // default the primary-key index of a million-row cache thrashes on every ingest batch.
  db.pragma('cache_size = -65536');
  // Checkpoint every 64 MiB of WAL instead of 4 MiB: an ingest batch rewrites most index pages,
  // and checkpointing after every batch copied them into the main file each time (measured
  // ~15% more ingest throughput). Purges still truncate the WAL explicitly.
  db.pragma('wal_autocheckpoint = 16384');
  assertPragmas(db);
}

/** Safe mode reads only; nothing here may write to the file (the evidence is kept as found). */
export function applyReadonlyPragmas(db: ReadableDb): void {
  db.pragma('query_only = ON');
  db.pragma('foreign_keys = ON');
}

/** Reads the settings back, because a silent fallback (e.g. on a network drive) is worse than a refusal. */
export function assertPragmas(db: ReadableDb): void {
  const expected: Record<string, unknown> = {
    journal_mode: 'wal',
    synchronous: 2,
    foreign_keys: 1,
    secure_delete: 1,
  };
  for (const [name, value] of Object.entries(expected)) {
    const actual = db.pragma(name, { simple: true });
    if (actual !== value) {
      throw new StoreError(
        'internal',
        `PRAGMA ${name} is ${String(actual)}, expected ${String(value)}`,
      );
    }
  }
}

export function readPragma(db: ReadableDb, name: 'user_version' | 'page_size'): number {
  return Number(db.pragma(name, { simple: true }));
}

export function integrityProblems(db: ReadableDb): string[] {
  const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
  const messages = rows.map((row) => row.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** Moves every WAL frame into the main file and truncates the WAL to zero bytes. */
export function checkpointTruncate(db: WritableDb): boolean {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row !== undefined && row.busy === 0;
}

export function setUserVersion(db: WritableDb, version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) throw new Error(`bad user_version ${version}`);
  // PRAGMA takes no bound parameters; the value is a checked integer, never caller text.
  db.pragma(`user_version = ${version}`);
}
