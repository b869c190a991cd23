// Walks the whole chain and reports every break. A local attacker who edits an entry and
// re-hashes everything after it produces a self-consistent chain; only a head kept elsewhere
// (the one the central API confirmed) exposes that, so verify() takes it when it is known.
import type { ReadableDb } from '../store/db/sql';
import { getSyncedHead, iterateAuditRows, type AuditRow } from '../store/queries/audit';
import { canonicalJson } from './canonical';
import { computeEntryHash, GENESIS_HASH, type AuditHead } from './chain';

export type AuditProblemKind =
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'payload_not_canonical'
  | 'head_missing'
  | 'head_mismatch';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: AuditHead | null;
  /** Which trusted head the chain was checked against, if any. */
  checkedAgainst: (AuditHead & { source: 'central' | 'local-record' }) | null;
  problems: AuditProblem[];
}

function payloadIsCanonical(row: AuditRow): boolean {
  try {
    return canonicalJson(JSON.parse(row.payload_json)) === row.payload_json;
  } catch {
    return false;
  }
}

export function verifyAuditChain(db: ReadableDb, trustedHead?: AuditHead): AuditVerification {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let head: AuditHead | null = null;
  const stored = getSyncedHead(db);
  const against =
    trustedHead !== undefined
      ? { ...trustedHead, source: 'central' as const }
      : stored !== undefined
        ? { seq: stored.seq, hash: stored.hash, source: 'local-record' as const }
        : null;
  let sawAgainst = false;

  for (const row of iterateAuditRows(db)) {
    entries += 1;
    if (row.seq !== expectedSeq) problems.push({ seq: row.seq, kind: 'sequence_gap' });
    if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, kind: 'prev_hash_mismatch' });
    if (!payloadIsCanonical(row)) problems.push({ seq: row.seq, kind: 'payload_not_canonical' });
    const recomputed = computeEntryHash({
      seq: row.seq,
      at: row.at,
      kind: row.kind,
      actor: row.actor,
      payloadJson: row.payload_json,
      prevHash: row.prev_hash,
    });
    if (recomputed !== row.hash) problems.push({ seq: row.seq, kind: 'hash_mismatch' });
    if (against !== null && row.seq === against.seq) {
      sawAgainst = true;
      if (row.hash !== against.hash) problems.push({ seq: row.seq, kind: 'head_mismatch' });
    }
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
    head = { seq: row.seq, hash: row.hash };
  }
  if (against !== null && !sawAgainst && against.seq > 0) {
    problems.push({ seq: against.seq, kind: 'head_missing' });
  }
  return { ok: problems.length === 0, entries, head, checkedAgainst: against, problems };
}
