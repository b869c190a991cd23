// SQL for station settings: one JSON value per key.
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface SettingRow {
  key: string;
  value_json: string;
  updated_at: number;
}

export interface Setting {
  key: string;
  value: unknown;
  updatedAt: number;
}

export function rowToSetting(row: SettingRow): Setting {
  return { key: row.key, value: JSON.parse(row.value_json) as unknown, updatedAt: row.updated_at };
}

export function getSetting(db: ReadableDb, key: string): Setting | undefined {
  const row = queryOne<SettingRow>(db, sql`SELECT * FROM settings WHERE key = ${key}`);
  return row === undefined ? undefined : rowToSetting(row);
}

export function listSettings(db: ReadableDb): Setting[] {
  return queryAll<SettingRow>(db, sql`SELECT * FROM settings ORDER BY key`).map(rowToSetting);
}

export function putSetting(db: WritableDb, key: string, value: unknown, now: number): void {
  const valueJson = JSON.stringify(value);
  execute(
    db,
    sql`INSERT INTO settings (key, value_json, updated_at) VALUES (${key}, ${valueJson}, ${now})
        ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
}
