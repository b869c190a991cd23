// SQL for the "maybe delivered" marks of results whose POST has no known outcome yet, and
// for event batches sent to station-events (migration 0005).
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface PushAttemptRow {
  authentication_id: string;
  attempts: number;
  first_attempt_at: number;
  last_attempt_at: number;
}

export function findPushAttempt(
  db: ReadableDb,
  authenticationId: string,
): PushAttemptRow | undefined {
  return queryOne<PushAttemptRow>(
    db,
    sql`SELECT * FROM sync_push_attempts WHERE authentication_id = ${authenticationId}`,
  );
}

export function notePushAttempt(db: WritableDb, authenticationId: string, now: number): void {
  execute(
    db,
    sql`INSERT INTO sync_push_attempts (authentication_id, attempts, first_attempt_at, last_attempt_at)
        VALUES (${authenticationId}, 1, ${now}, ${now})
        ON CONFLICT (authentication_id) DO UPDATE SET attempts = attempts + 1,
          last_attempt_at = excluded.last_attempt_at`,
  );
}

export function deletePushAttempt(db: WritableDb, authenticationId: string): void {
  execute(db, sql`DELETE FROM sync_push_attempts WHERE authentication_id = ${authenticationId}`);
}

export interface EventBatchRow {
  idempotency_key: string;
  outbox_ids_json: string;
  body_json: string;
  created_at: number;
}

export function insertEventBatch(db: WritableDb, row: EventBatchRow): void {
  execute(
    db,
    sql`INSERT INTO sync_event_batches (idempotency_key, outbox_ids_json, body_json, created_at)
        VALUES (${row.idempotency_key}, ${row.outbox_ids_json}, ${row.body_json}, ${row.created_at})`,
  );
}

export function listEventBatches(db: ReadableDb): EventBatchRow[] {
  return queryAll<EventBatchRow>(
    db,
    sql`SELECT * FROM sync_event_batches ORDER BY created_at, idempotency_key`,
  );
}

export function deleteEventBatch(db: WritableDb, key: string): void {
  execute(db, sql`DELETE FROM sync_event_batches WHERE idempotency_key = ${key}`);
}
