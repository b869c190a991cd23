// Opens the store inside the worker: database (integrity, migrations), key gate, audit key bound
// to the connection, and the audit chain verified before the first request is answered. Any
// key problem turns the store into read-only safe mode with the gate's message.
import Database from 'better-sqlite3';
import { bindAuditKey } from '../../audit/audit-key';
import { verifyAuditChain } from '../../audit/verify';
import { DEFAULT_OPERATOR_POLICY } from '../../operators/policy';
import type { StoreContext } from '../../database/context';
import {
  createBiometricCipher,
  type BiometricCipher,
} from '../../database/crypto/biometric-cipher';
import { openDatabase } from '../../database/db/open-database';
import { applyReadonlyPragmas } from '../../database/db/pragmas';
import type { ReadableDb } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { passKeyGate, safeCompare } from './key-gate';
import type { AuditSummary, StoreStatus, StoreWorkerData } from '../protocol';

/** Without the data key nothing encrypted can be read; every attempt says why. */
function lockedCipher(message: string): BiometricCipher {
  const refuse = (): never => {
    throw new StoreError('safe_mode', message);
  };
  return { encrypt: refuse, decrypt: refuse };
}

function reopenReadonly(path: string): ReadableDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  applyReadonlyPragmas(db);
  return db;
}

function summarise(db: ReadableDb): AuditSummary {
  try {
    const verification = verifyAuditChain(db);
    return {
      ok: verification.ok,
      entries: verification.entries,
      problems: verification.problems.length,
      firstProblems: verification.problems.slice(0, 5),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, entries: 0, problems: 1, firstProblems: [], error: message };
  }
}

export function openStoreContext(data: StoreWorkerData): {
  ctx: StoreContext;
  status: StoreStatus;
} {
  const missingKeyMessage = `The biometric data key is missing for ${data.dbPath}.`;
  const cipher =
    data.dataKey === null ? lockedCipher(missingKeyMessage) : createBiometricCipher(data.dataKey);
  const dataKey = data.dataKey === null ? null : Uint8Array.from(data.dataKey);
  data.dataKey?.fill(0);
  const opened = openDatabase({ path: data.dbPath, integrityCheck: data.integrityCheck });
  const base = {
    cipher,
    clock: Date.now,
    stationId: data.stationId,
    operatorPolicy: DEFAULT_OPERATOR_POLICY,
  };
  try {
    if (opened.mode === 'safe-readonly') {
      bindAuditKey(opened.db, data.auditKey);
      const ctx: StoreContext = {
        ...base,
        read: opened.db,
        writable: null,
        safeModeMessage: opened.message,
      };
      return {
        ctx,
        status: {
          mode: 'safe-readonly',
          message: opened.message,
          problems: opened.problems,
          auditKeyAccepted: safeCompare(opened.db, 'audit', data.auditKey) === 'matches',
          audit: summarise(opened.db),
        },
      };
    }
    bindAuditKey(opened.db, data.auditKey);
    const gate = passKeyGate(opened.db, cipher, {
      dbPath: data.dbPath,
      dataKey,
      auditKey: data.auditKey,
      auditKeyCreated: data.auditKeyCreated,
      migratedNow: opened.migration.applied,
      now: Date.now(),
    });
    if (gate.problem !== null) {
      opened.db.close();
      const readonly = reopenReadonly(data.dbPath);
      bindAuditKey(readonly, data.auditKey);
      const ctx: StoreContext = {
        ...base,
        read: readonly,
        writable: null,
        safeModeMessage: gate.problem,
      };
      return {
        ctx,
        status: {
          mode: 'safe-readonly',
          message: gate.problem,
          problems: [gate.problem],
          auditKeyAccepted: gate.auditKeyAccepted,
          audit: summarise(readonly),
        },
      };
    }
    const ctx: StoreContext = {
      ...base,
      read: opened.db,
      writable: opened.db,
      safeModeMessage: null,
    };
    return {
      ctx,
      status: {
        mode: 'writable',
        schemaVersion: opened.migration.toVersion,
        migrated: opened.migration.applied,
        integrityMs: Math.round(opened.integrityMs),
        auditKeyAccepted: true,
        audit: summarise(opened.db),
      },
    };
  } finally {
    dataKey?.fill(0);
    data.auditKey.fill(0);
  }
}
