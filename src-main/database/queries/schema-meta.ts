// The bookkeeping of applied migrations (Actual Budget's rule: the applied list must be a
// prefix of the known list, or the database is not ours to touch).
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface AppliedMigrationRow {
  version: number;
  name: string;
  applied_at: number;
}

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: number;
}

export function rowToAppliedMigration(row: AppliedMigrationRow): AppliedMigration {
  return { version: row.version, name: row.name, appliedAt: row.applied_at };
}

export function hasMigrationTable(db: ReadableDb): boolean {
  const row = queryOne<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
  );
  return (row?.n ?? 0) > 0;
}

export function countUserTables(db: ReadableDb): number {
  const row = queryOne<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  return row?.n ?? 0;
}

export function createMigrationTable(db: WritableDb): void {
  execute(
    db,
    sql`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`,
  );
}

export function listAppliedMigrations(db: ReadableDb): AppliedMigration[] {
  return queryAll<AppliedMigrationRow>(
    db,
    sql`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`,
  ).map(rowToAppliedMigration);
}

export function insertAppliedMigration(db: WritableDb, migration: AppliedMigration): void {
  execute(
    db,
    sql`INSERT INTO schema_migrations (version, name, applied_at)
        VALUES (${migration.version}, ${migration.name}, ${migration.appliedAt})`,
  );
}
