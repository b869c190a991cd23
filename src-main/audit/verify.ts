// Walks the whole chain and reports every break. Each entry's MAC (under the audit key kept
// outside the database) proves the station wrote it: an attacker with the file can delete, edit
// and re-hash, but cannot make the MACs. Heads the central API acknowledged are checked as well,
// each against its own MAC; a trusted head from elsewhere can be passed in.
import type { ReadableDb } from '../database/db/sql';
import {
  getSyncedHead,
  iterateAuditRows,
  listAcknowledgements,
  type AuditRow,
} from '../database/queries/audit';
import { acknowledgementMac, auditKeyOf, entryMac, macEquals } from './audit-key';
import { canonicalJson } from './canonical';
import { computeEntryHash, GENESIS_HASH, type AuditHead } from './chain';

export type AuditProblemKind =
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'payload_not_canonical'
  | 'mac_key_missing'
  | 'mac_missing'
  | 'mac_mismatch'
  | 'acknowledgement_forged'
  | 'acknowledgement_mismatch'
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
  /** How many acknowledged heads were checked against the chain. */
  acknowledgements: number;
  problems: AuditProblem[];
}

/** Enough to find the first breaks; a chain torn apart would otherwise list every entry. */
const MAX_PROBLEMS = 1000;

function payloadIsCanonical(row: AuditRow): boolean {
  try {
    return canonicalJson(JSON.parse(row.payload_json)) === row.payload_json;
  } catch {
    return false;
  }
}

function rowProblems(
  row: AuditRow,
  expectedSeq: number,
  prevHash: string,
  key: Buffer | undefined,
) {
  const found: AuditProblemKind[] = [];
  if (row.seq !== expectedSeq) found.push('sequence_gap');
  if (row.prev_hash !== prevHash) found.push('prev_hash_mismatch');
  if (!payloadIsCanonical(row)) found.push('payload_not_canonical');
  const recomputed = computeEntryHash({
    seq: row.seq,
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    payloadJson: row.payload_json,
    prevHash: row.prev_hash,
  });
  if (recomputed !== row.hash) found.push('hash_mismatch');
  if (key !== undefined) {
    if (row.mac === null) found.push('mac_missing');
    else if (!macEquals(entryMac(key, row.seq, row.hash), row.mac)) found.push('mac_mismatch');
  }
  return found;
}

export function verifyAuditChain(db: ReadableDb, trustedHead?: AuditHead): AuditVerification {
  const problems: AuditProblem[] = [];
  const note = (seq: number, kind: AuditProblemKind): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ seq, kind });
  };
  const key = auditKeyOf(db);
  if (key === undefined) note(0, 'mac_key_missing');
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
  const anchors = new Map<number, string>();
  const acknowledgements = listAcknowledgements(db);
  for (const ack of acknowledgements) {
    const genuine =
      key !== undefined &&
      macEquals(acknowledgementMac(key, ack.seq, ack.hash, ack.acknowledged_at), ack.mac);
    if (key !== undefined && !genuine) note(ack.seq, 'acknowledgement_forged');
    anchors.set(ack.seq, ack.hash);
  }
  let sawAgainst = false;

  for (const row of iterateAuditRows(db)) {
    entries += 1;
    for (const kind of rowProblems(row, expectedSeq, prevHash, key)) note(row.seq, kind);
    if (against !== null && row.seq === against.seq) {
      sawAgainst = true;
      if (row.hash !== against.hash) note(row.seq, 'head_mismatch');
    }
    const anchored = anchors.get(row.seq);
    if (anchored !== undefined) {
      anchors.delete(row.seq);
      if (anchored !== row.hash) note(row.seq, 'acknowledgement_mismatch');
    }
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
    head = { seq: row.seq, hash: row.hash };
  }
  if (against !== null && !sawAgainst && against.seq > 0) note(against.seq, 'head_missing');
  // An acknowledged head the chain no longer has: entries were cut off or renumbered.
  for (const seq of anchors.keys()) note(seq, 'head_missing');
  return {
    ok: problems.length === 0,
    entries,
    head,
    checkedAgainst: against,
    acknowledgements: acknowledgements.length,
    problems,
  };
}
