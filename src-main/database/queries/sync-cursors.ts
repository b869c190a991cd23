// SQL for sync's cursors (migration 0005): where push and pull stand, as JSON per name.
import { execute, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export function getCursor(db: ReadableDb, name: string): unknown {
  const row = queryOne<{ value_json: string }>(
    db,
    sql`SELECT value_json FROM sync_cursors WHERE name = ${name}`,
  );
  return row === undefined ? null : (JSON.parse(row.value_json) as unknown);
}

export function putCursor(db: WritableDb, name: string, value: unknown, now: number): void {
  const valueJson = JSON.stringify(value ?? null);
  execute(
    db,
    sql`INSERT INTO sync_cursors (name, value_json, updated_at) VALUES (${name}, ${valueJson}, ${now})
        ON CONFLICT (name) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
}
