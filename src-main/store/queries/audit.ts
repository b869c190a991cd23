// SQL for the hash-chained audit log and the head last confirmed by the central API.
import { execute, queryIterate, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface AuditRow {
  seq: number;
  at: number;
  kind: string;
  actor: string | null;
  payload_json: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadRow {
  seq: number;
  hash: string;
  confirmed_at: number;
}

export function lastAuditRow(db: ReadableDb): AuditRow | undefined {
  return queryOne<AuditRow>(db, sql`SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1`);
}

export function insertAuditRow(db: WritableDb, row: AuditRow): void {
  execute(
    db,
    sql`INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash)
        VALUES (${row.seq}, ${row.at}, ${row.kind}, ${row.actor}, ${row.payload_json},
          ${row.prev_hash}, ${row.hash})`,
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
