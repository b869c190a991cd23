// Appends one audit entry inside the caller's transaction and queues it for the central API in
// that same transaction, so the chain and its sync never disagree after a crash. Each entry is
// sealed with a MAC under the audit key bound to the connection (audit-key.ts).
import type { WritableDb } from '../database/db/sql';
import { insertAuditRow, lastAuditRow } from '../database/queries/audit';
import { insertOutbox } from '../database/queries/outbox';
import { entryMac, requireAuditKey } from './audit-key';
import { canonicalJson } from './canonical';
import { computeEntryHash, GENESIS_HASH, type AuditEntry, type AuditKind } from './chain';

export interface AuditEvent {
  kind: AuditKind;
  actor: string | null;
  payload: Record<string, unknown>;
}

/** Must run inside a transaction (seq allocation relies on it). */
export function appendAuditEntry(db: WritableDb, event: AuditEvent, now: number): AuditEntry {
  if (!db.inTransaction) throw new Error('appendAuditEntry must run inside a transaction');
  const key = requireAuditKey(db);
  const last = lastAuditRow(db);
  const unhashed = {
    seq: (last?.seq ?? 0) + 1,
    at: now,
    kind: event.kind,
    actor: event.actor,
    payloadJson: canonicalJson(event.payload),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...unhashed, hash: computeEntryHash(unhashed) };
  insertAuditRow(db, {
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    actor: entry.actor,
    payload_json: entry.payloadJson,
    prev_hash: entry.prevHash,
    hash: entry.hash,
    mac: entryMac(key, entry.seq, entry.hash),
  });
  insertOutbox(
    db,
    { kind: 'audit', ref: String(entry.seq), payloadJson: JSON.stringify(entry) },
    now,
  );
  return entry;
}
