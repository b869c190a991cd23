// Runs in the worker right after the database opened: proves the data key and the audit key
// belong to it (store/keys/key-checks.ts). When both do, their check values are recorded (first
// start) and, on the start that keys an older chain, its entries are sealed. When either does
// not, nothing is written and the caller reopens the file read-only with the message.
import { appendAuditEntry } from '../../audit/append';
import { sealLegacyAuditEntries } from '../../audit/seal';
import type { BiometricCipher } from '../../database/crypto/biometric-cipher';
import { inTransaction, type ReadableDb, type WritableDb } from '../../database/db/sql';
import { auditHistoryEmpty } from '../../database/queries/key-checks';
import {
  compareKeyCheck,
  dataKeyOpensStoredValues,
  keyProblemMessages,
  recordKeyCheck,
  type KeyVerdict,
} from '../keys/key-checks';

export const AUDIT_MAC_MIGRATION = '0007-audit-mac';
const FIRST_MIGRATION = '0001-initial';

export interface KeyGateInput {
  dbPath: string;
  dataKey: Uint8Array | null;
  auditKey: Uint8Array;
  /** The audit key file was made on this start (main made it because none existed). */
  auditKeyCreated: boolean;
  /** Migrations applied on this start. */
  migratedNow: readonly string[];
  now: number;
}

export interface KeyGateOutcome {
  problem: string | null;
  /** False: main deletes an audit key file it just made, so that it cannot shadow the real one. */
  auditKeyAccepted: boolean;
  sealedLegacyEntries: number;
}

/** Reads only; a database without the check table (too old, or damaged) has nothing recorded. */
export function safeCompare(db: ReadableDb, name: 'data' | 'audit', key: Uint8Array): KeyVerdict {
  try {
    return compareKeyCheck(db, name, key);
  } catch {
    return 'unrecorded';
  }
}

export function passKeyGate(
  db: WritableDb,
  cipher: BiometricCipher,
  input: KeyGateInput,
): KeyGateOutcome {
  const auditVerdict = safeCompare(db, 'audit', input.auditKey);
  // Keying an older chain is trust on first use: allowed only on the start that both made the
  // audit key and added the MAC column, or when there is nothing to launder (a database created
  // on this start, or one whose first start was killed before its checks were recorded). A
  // check value missing at any other time was removed: tampering.
  const mayKeyChain =
    input.migratedNow.includes(FIRST_MIGRATION) ||
    (input.auditKeyCreated && input.migratedNow.includes(AUDIT_MAC_MIGRATION)) ||
    auditHistoryEmpty(db);
  const refuse = (problem: string): KeyGateOutcome => ({
    problem,
    auditKeyAccepted: auditVerdict === 'matches',
    sealedLegacyEntries: 0,
  });
  if (input.dataKey === null) return refuse(keyProblemMessages.dataKeyMissing(input.dbPath));
  const dataVerdict = safeCompare(db, 'data', input.dataKey);
  if (dataVerdict === 'mismatch') return refuse(keyProblemMessages.dataKeyWrong(input.dbPath));
  if (dataVerdict === 'unrecorded' && !dataKeyOpensStoredValues(db, cipher)) {
    return refuse(keyProblemMessages.dataKeyWrong(input.dbPath));
  }
  if (auditVerdict === 'mismatch' || (auditVerdict === 'unrecorded' && !mayKeyChain)) {
    return refuse(keyProblemMessages.auditKeyWrong(input.dbPath));
  }
  const dataKey = input.dataKey;
  let sealed = 0;
  inTransaction(db, () => {
    if (dataVerdict === 'unrecorded') recordKeyCheck(db, 'data', dataKey, input.now);
    if (auditVerdict === 'unrecorded') {
      recordKeyCheck(db, 'audit', input.auditKey, input.now);
      sealed = sealLegacyAuditEntries(db);
      if (sealed > 0) {
        appendAuditEntry(
          db,
          {
            kind: 'station',
            actor: null,
            payload: { event: 'audit_chain_keyed', sealedEntries: sealed },
          },
          input.now,
        );
      }
    }
  });
  return { problem: null, auditKeyAccepted: true, sealedLegacyEntries: sealed };
}
