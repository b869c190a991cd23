// SQL for the hash-chained audit log, the head last confirmed by the central API, and the
// acknowledged heads kept with their MACs.
import {
  execute,
  queryAll,
  queryIterate,
  queryOne,
  sql,
  type ReadableDb,
  type WritableDb,
} from '../db/sql';

export interface AuditRow {
  seq: number;
  at: number;
  kind: string;
  actor: string | null;
  payload_json: string;
  prev_hash: string;
  hash: string;
  /** HMAC under the audit key; NULL only for entries written before migration 0007, unsealed. */
  mac: string | null;
}

export interface AuditHeadRow {
  seq: number;
  hash: string;
  confirmed_at: number;
}

export interface AuditAcknowledgementRow {
  seq: number;
  hash: string;
  acknowledged_at: number;
  mac: string;
}

export function lastAuditRow(db: ReadableDb): AuditRow | undefined {
  return queryOne<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1`);
}

export function insertAuditRow(db: WritableDb, row: AuditRow): void {
  execute(
    db,
    sql`INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash, mac)
        VALUES (${row.seq}, ${row.at}, ${row.kind}, ${row.actor}, ${row.payload_json},
          ${row.prev_hash}, ${row.hash}, ${row.mac})`,
  );
}

export function iterateAuditRows(db: ReadableDb, fromSeq = 0): IterableIterator<AuditRow> {
  return queryIterate<AuditRow>(
    db,
    sql`SELECT * FROM audit_log WHERE seq >= ${fromSeq} ORDER BY seq`,
  );
}

export function findAuditRow(db: ReadableDb, seq: number): AuditRow | undefined {
  return queryOne<AuditRow>(db, sql`SELECT * FROM audit_log WHERE seq = ${seq}`);
}

export function listUnsealedAuditSeqs(db: ReadableDb): { seq: number; hash: string }[] {
  return queryAll<{ seq: number; hash: string }>(
    db,
    sql`SELECT seq, hash FROM audit_log WHERE mac IS NULL ORDER BY seq`,
  );
}

export function countSealedAuditRows(db: ReadableDb): number {
  return (
    queryOne<{ n: number }>(db, sql`SELECT count(*) AS n FROM audit_log WHERE mac IS NOT NULL`)
      ?.n ?? 0
  );
}

/** The one update the append-only trigger allows: a NULL mac filled once. */
export function sealAuditRow(db: WritableDb, seq: number, mac: string): void {
  execute(db, sql`UPDATE audit_log SET mac = ${mac} WHERE seq = ${seq} AND mac IS NULL`);
}

export function getSyncedHead(db: ReadableDb): AuditHeadRow | undefined {
  return queryOne<AuditHeadRow>(
    db,
    sql`SELECT seq, hash, confirmed_at FROM audit_synced_head WHERE id = 1`,
  );
}

/** Only moves forward: a confirmation for an older entry never rewinds the head. */
export function advanceSyncedHead(db: WritableDb, head: AuditHeadRow): void {
  execute(
    db,
    sql`INSERT INTO audit_synced_head (id, seq, hash, confirmed_at)
        VALUES (1, ${head.seq}, ${head.hash}, ${head.confirmed_at})
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
          confirmed_at = excluded.confirmed_at
        WHERE excluded.seq > audit_synced_head.seq`,
  );
}

export function insertAcknowledgement(db: WritableDb, row: AuditAcknowledgementRow): void {
  execute(
    db,
    sql`INSERT INTO audit_acknowledgements (seq, hash, acknowledged_at, mac)
        VALUES (${row.seq}, ${row.hash}, ${row.acknowledged_at}, ${row.mac})
        ON CONFLICT (seq) DO NOTHING`,
  );
}

export function listAcknowledgements(db: ReadableDb): AuditAcknowledgementRow[] {
  return queryAll<AuditAcknowledgementRow>(
    db,
    sql`SELECT seq, hash, acknowledged_at, mac FROM audit_acknowledgements ORDER BY seq`,
  );
}
