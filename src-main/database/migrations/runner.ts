// Applies pending migrations, each in its own transaction, after proving that the database is
// one we understand: its applied list must be a prefix of ours (Actual Budget's rule) and its
// version no newer than ours. Nothing is written to a database that fails these checks.
import { StoreError } from '../errors';
import { inTransaction, type ReadableDb, type WritableDb } from '../db/sql';
import { readPragma, setUserVersion } from '../db/pragmas';
import {
  countUserTables,
  createMigrationTable,
  hasMigrationTable,
  insertAppliedMigration,
  listAppliedMigrations,
} from '../queries/schema-meta';
import type { Migration } from './migration';

export interface MigrationReport {
  fromVersion: number;
  toVersion: number;
  applied: string[];
}

/** Throws db_newer / db_unrecognised when the file is not ours to migrate; reads only. */
export function checkSchemaCompatible(db: ReadableDb, known: readonly Migration[]): number {
  const latest = known.at(-1)?.version ?? 0;
  const userVersion = readPragma(db, 'user_version');
  if (userVersion > latest) {
    throw new StoreError(
      'db_newer',
      `Database schema version ${userVersion} is newer than this app knows (${latest}). Update the app; the database was not modified.`,
    );
  }
  if (!hasMigrationTable(db)) {
    if (countUserTables(db) > 0 || userVersion !== 0) {
      throw new StoreError(
        'db_unrecognised',
        'Database has tables but no migration history; it was not created by this app and was not modified.',
      );
    }
    return 0;
  }
  const applied = listAppliedMigrations(db);
  applied.forEach((entry, index) => {
    const expected = known[index];
    if (expected?.version === entry.version && expected.name === entry.name) return;
    if (entry.version > latest) {
      throw new StoreError(
        'db_newer',
        `Database has migration ${entry.version} (${entry.name}) that this app does not know. Update the app; the database was not modified.`,
      );
    }
    throw new StoreError(
      'db_unrecognised',
      `Database migration history differs at position ${index + 1} (found ${entry.version} ${entry.name}); the database was not modified.`,
    );
  });
  const current = applied.at(-1)?.version ?? 0;
  if (current !== userVersion) {
    throw new StoreError(
      'db_unrecognised',
      `Database user_version ${userVersion} disagrees with its migration history (${current}); the database was not modified.`,
    );
  }
  return current;
}

export function migrate(
  db: WritableDb,
  known: readonly Migration[],
  now: () => number = Date.now,
): MigrationReport {
  const fromVersion = checkSchemaCompatible(db, known);
  if (!hasMigrationTable(db)) inTransaction(db, () => createMigrationTable(db));
  const pending = known.filter((migration) => migration.version > fromVersion);
  for (const migration of pending) {
    inTransaction(db, () => {
      migration.up(db);
      insertAppliedMigration(db, {
        version: migration.version,
        name: migration.name,
        appliedAt: now(),
      });
      setUserVersion(db, migration.version);
    });
  }
  return {
    fromVersion,
    toVersion: known.at(-1)?.version ?? fromVersion,
    applied: pending.map((m) => m.name),
  };
}
