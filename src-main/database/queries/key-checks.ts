// SQL for the station keys' check values, and for the one sample of encrypted data that proves a
// key on a database written before check values existed.
import { execute, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export type StationKeyName = 'data' | 'audit';

export function findKeyCheck(db: ReadableDb, name: StationKeyName): Buffer | undefined {
  return queryOne<{ check_value: Buffer }>(
    db,
    sql`SELECT check_value FROM station_key_checks WHERE name = ${name}`,
  )?.check_value;
}

export function insertKeyCheck(
  db: WritableDb,
  name: StationKeyName,
  checkValue: Buffer,
  now: number,
): void {
  execute(
    db,
    sql`INSERT INTO station_key_checks (name, check_value, recorded_at)
        VALUES (${name}, ${checkValue}, ${now})`,
  );
}

/** One encrypted template, if the database holds any (for a key written before 0006). */
export function sampleEncryptedTemplate(
  db: ReadableDb,
): { submission_id: string; templates_enc: Buffer } | undefined {
  return queryOne<{ submission_id: string; templates_enc: Buffer }>(
    db,
    sql`SELECT submission_id, templates_enc FROM submissions
        WHERE templates_enc IS NOT NULL LIMIT 1`,
  );
}

export function sampleEncryptedImage(
  db: ReadableDb,
): { authentication_id: string; captured_image_enc: Buffer } | undefined {
  return queryOne<{ authentication_id: string; captured_image_enc: Buffer }>(
    db,
    sql`SELECT authentication_id, captured_image_enc FROM results
        WHERE captured_image_enc IS NOT NULL LIMIT 1`,
  );
}

/** True when nothing could be laundered by keying now: no audit entry, no acknowledged head. */
export function auditHistoryEmpty(db: ReadableDb): boolean {
  const row = queryOne<{ n: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_acknowledgements) AS n`,
  );
  return (row?.n ?? 0) === 0;
}
