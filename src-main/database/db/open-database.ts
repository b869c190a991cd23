// Opens the station database. A file that fails integrity_check is opened read-only and nothing
// is written to it (no WAL switch, no migration, no checkpoint): it may be evidence. A file from a
// newer app or with a foreign migration history is refused before any write.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../errors';
import { MIGRATIONS } from '../migrations';
import type { Migration } from '../migrations/migration';
import { checkSchemaCompatible, migrate, type MigrationReport } from '../migrations/runner';
import { applyReadonlyPragmas, applyWritablePragmas, integrityProblems } from './pragmas';
import { asWritable, type ReadableDb, type WritableDb } from './sql';

export type IntegrityCheckLevel = 'full' | 'quick' | 'off';

export interface OpenDatabaseOptions {
  path: string;
  /** 'full' = PRAGMA integrity_check (default); 'quick' = quick_check, for very large files. */
  integrityCheck?: IntegrityCheckLevel;
  migrations?: readonly Migration[];
  now?: () => number;
}

export type OpenedDatabase =
  | { mode: 'writable'; db: WritableDb; migration: MigrationReport; integrityMs: number }
  | { mode: 'safe-readonly'; db: ReadableDb; problems: string[]; message: string };

function quickProblems(db: ReadableDb): string[] {
  const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
  const messages = rows.map((row) => row.quick_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function safeModeMessage(path: string, problems: readonly string[]): string {
  return (
    `The station database failed its integrity check (${problems.slice(0, 3).join('; ')}). ` +
    `The station is in READ-ONLY SAFE MODE: no verification results can be recorded, and the ` +
    `file was left exactly as found. Copy ${path} with its -wal and -shm files for investigation ` +
    `before any repair.`
  );
}

function existingFile(path: string): boolean {
  return path !== ':memory:' && existsSync(path) && statSync(path).size > 0;
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const level = options.integrityCheck ?? 'full';
  let integrityMs = 0;

  if (existingFile(options.path)) {
    const readonly = new Database(options.path, { readonly: true, fileMustExist: true });
    let problems: string[];
    const started = performance.now();
    try {
      problems =
        level === 'off'
          ? []
          : level === 'quick'
            ? quickProblems(readonly)
            : integrityProblems(readonly);
    } catch (error) {
      problems = [errorText(error)];
    }
    integrityMs = performance.now() - started;
    if (problems.length > 0) {
      try {
        applyReadonlyPragmas(readonly);
      } catch {
        // A file too damaged to take even a pragma is still handed over read-only, untouched.
      }
      return {
        mode: 'safe-readonly',
        db: readonly,
        problems,
        message: safeModeMessage(options.path, problems),
      };
    }
    try {
      checkSchemaCompatible(readonly, migrations);
    } finally {
      readonly.close();
    }
  }

  const db = asWritable(new Database(options.path));
  try {
    applyWritablePragmas(db);
    const migration = migrate(db, migrations, options.now);
    return { mode: 'writable', db, migration, integrityMs };
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('db_unreadable', `Could not open ${options.path}: ${errorText(error)}`);
  }
}
