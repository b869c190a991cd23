// The chain head that the sync module reports to the central API, and the record of the heads
// the API acknowledged (anchors that verify() checks the chain against). Each acknowledgement is
// kept with a MAC under the audit key, so that one forged in the database is recognised.
import type { ReadableDb, WritableDb } from '../database/db/sql';
import {
  advanceSyncedHead,
  getSyncedHead,
  insertAcknowledgement,
  lastAuditRow,
} from '../database/queries/audit';
import { acknowledgementMac, requireAuditKey } from './audit-key';
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
  const mac = acknowledgementMac(requireAuditKey(db), head.seq, head.hash, now);
  insertAcknowledgement(db, { seq: head.seq, hash: head.hash, acknowledged_at: now, mac });
}
