// SQL for the outbox: one row per item that must reach the central API, written in the same
// transaction as its record and deleted only when the API confirms it.
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export type OutboxKind = 'result' | 'override' | 'audit';

export interface OutboxRow {
  outbox_id: number;
  kind: OutboxKind;
  ref: string;
  payload_json: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  claimed_until: number | null;
  last_error: string | null;
  parked_at: number | null;
  park_reason: string | null;
}

export interface OutboxItem {
  outboxId: number;
  kind: OutboxKind;
  ref: string;
  payload: unknown;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  parkedAt: number | null;
  parkReason: string | null;
}

export function rowToOutboxItem(row: OutboxRow): OutboxItem {
  return {
    outboxId: row.outbox_id,
    kind: row.kind,
    ref: row.ref,
    payload: JSON.parse(row.payload_json) as unknown,
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    parkedAt: row.parked_at,
    parkReason: row.park_reason,
  };
}

export function insertOutbox(
  db: WritableDb,
  item: { kind: OutboxKind; ref: string; payloadJson: string },
  now: number,
): number {
  return Number(
    execute(
      db,
      sql`INSERT INTO outbox (kind, ref, payload_json, created_at, next_attempt_at)
          VALUES (${item.kind}, ${item.ref}, ${item.payloadJson}, ${now}, ${now})`,
    ).lastInsertRowid,
  );
}

/**
 * Due items, longest due first, leased until `leaseUntil` so that a second claimer skips them.
 * Ordered as outbox_due is (next_attempt_at, outbox_id): SQLite walks that index from the oldest
 * due item and stops after `limit`, instead of scanning the whole outbox by id while a backlog
 * waits out its back-off. Returned by id, the order items were written in.
 */
export function claimDue(
  db: WritableDb,
  now: number,
  limit: number,
  leaseUntil: number,
): OutboxItem[] {
  const rows = queryAll<OutboxRow>(
    db,
    sql`UPDATE outbox SET claimed_until = ${leaseUntil}
        WHERE outbox_id IN (
          SELECT outbox_id FROM outbox
          WHERE parked_at IS NULL AND next_attempt_at <= ${now}
            AND (claimed_until IS NULL OR claimed_until <= ${now})
          ORDER BY next_attempt_at, outbox_id LIMIT ${limit})
        RETURNING *`,
  );
  return rows.sort((a, b) => a.outbox_id - b.outbox_id).map(rowToOutboxItem);
}

export function peekOutbox(db: ReadableDb, limit: number, includeParked: boolean): OutboxItem[] {
  return queryAll<OutboxRow>(
    db,
    includeParked
      ? sql`SELECT * FROM outbox ORDER BY outbox_id LIMIT ${limit}`
      : sql`SELECT * FROM outbox WHERE parked_at IS NULL ORDER BY outbox_id LIMIT ${limit}`,
  ).map(rowToOutboxItem);
}

export function deleteOutboxItems(
  db: WritableDb,
  outboxIds: readonly number[],
): { kind: OutboxKind; ref: string; payload_json: string }[] {
  return queryAll(
    db,
    sql`DELETE FROM outbox WHERE outbox_id IN (SELECT value FROM json_each(${JSON.stringify(outboxIds)}))
        RETURNING kind, ref, payload_json`,
  );
}

export function deleteOutboxByRef(db: WritableDb, kind: OutboxKind, ref: string): boolean {
  return execute(db, sql`DELETE FROM outbox WHERE kind = ${kind} AND ref = ${ref}`).changes > 0;
}

export function recordOutboxFailure(
  db: WritableDb,
  outboxId: number,
  error: string,
  nextAttemptAt: number,
): boolean {
  return (
    execute(
      db,
      sql`UPDATE outbox SET attempts = attempts + 1, last_error = ${error},
            next_attempt_at = ${nextAttemptAt}, claimed_until = NULL
          WHERE outbox_id = ${outboxId}`,
    ).changes > 0
  );
}

export function parkOutboxItem(
  db: WritableDb,
  outboxId: number,
  reason: string,
  now: number,
): boolean {
  return (
    execute(
      db,
      sql`UPDATE outbox SET parked_at = ${now}, park_reason = ${reason}, claimed_until = NULL,
            attempts = attempts + 1
          WHERE outbox_id = ${outboxId}`,
    ).changes > 0
  );
}

export function outboxCounts(db: ReadableDb): { pending: number; parked: number } {
  const row = queryOne<{ pending: number; parked: number }>(
    db,
    sql`SELECT coalesce(sum(parked_at IS NULL), 0) AS pending,
               coalesce(sum(parked_at IS NOT NULL), 0) AS parked FROM outbox`,
  );
  return { pending: row?.pending ?? 0, parked: row?.parked ?? 0 };
}

export function findOutboxByRef(
  db: ReadableDb,
  kind: OutboxKind,
  ref: string,
): OutboxItem | undefined {
  const row = queryOne<OutboxRow>(
    db,
    sql`SELECT * FROM outbox WHERE kind = ${kind} AND ref = ${ref}`,
  );
  return row === undefined ? undefined : rowToOutboxItem(row);
}

/** Releases every lease: called by the one sync process at start, after a crash left leases. */
export function releaseOutboxClaims(db: WritableDb): number {
  return execute(db, sql`UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL`)
    .changes;
}
