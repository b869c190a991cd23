// The chain head that the sync module reports to the central API, and the record of the head
// the API confirmed (the anchor that verify() checks a re-hashed chain against).
import type { ReadableDb, WritableDb } from '../store/db/sql';
import { advanceSyncedHead, getSyncedHead, lastAuditRow } from '../store/queries/audit';
import type { AuditHead } from './chain';

export function currentAuditHead(db: ReadableDb): AuditHead | null {
  const last = lastAuditRow(db);
  return last === undefined ? null : { seq: last.seq, hash: last.hash };
}

export function syncedAuditHead(db: ReadableDb): (AuditHead & { confirmedAt: number }) | null {
  const row = getSyncedHead(db);
  return row === undefined ? null : { seq: row.seq, hash: row.hash, confirmedAt: row.confirmed_at };
}

export function recordConfirmedHead(db: WritableDb, head: AuditHead, now: number): void {
  advanceSyncedHead(db, { seq: head.seq, hash: head.hash, confirmed_at: now });
}
