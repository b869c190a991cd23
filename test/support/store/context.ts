// Builds a real store context on a SQLite file in a fresh temp dir, with a controllable clock.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindAuditKey } from '../../../src-main/audit/audit-key';
import { DEFAULT_OPERATOR_POLICY } from '../../../src-main/operators/policy';
import type { OperatorPolicy, StoreContext } from '../../../src-main/database/context';
import { createBiometricCipher } from '../../../src-main/database/crypto/biometric-cipher';
import { openDatabase } from '../../../src-main/database/db/open-database';
import type { WritableDb } from '../../../src-main/database/db/sql';
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';

export const POLICY_85: ProjectPolicy = {
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 0,
  headCover_threshold: 0,
  liveness_threshold: 0,
};

export const DAY_MS = 24 * 60 * 60_000;

export function makeTempDir(prefix = 'faceauth-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestStore {
  ctx: StoreContext;
  db: WritableDb;
  dir: string;
  dbPath: string;
  key: Buffer;
  auditKey: Buffer;
  clock: { now: number; advance(ms: number): void };
  close(): void;
}

export function openTestStore(
  options: { policy?: Partial<OperatorPolicy>; start?: number } = {},
): TestStore {
  const { dir, cleanup } = makeTempDir();
  const dbPath = join(dir, 'station.db');
  const clock = {
    now: options.start ?? Date.UTC(2026, 0, 1),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const opened = openDatabase({ path: dbPath, now: () => clock.now });
  if (opened.mode !== 'writable') throw new Error('test store opened in safe mode');
  const key = randomBytes(32);
  // The audit chain's MAC key, bound to the connection as the store worker does.
  const auditKey = randomBytes(32);
  bindAuditKey(opened.db, auditKey);
  const ctx: StoreContext = {
    read: opened.db,
    writable: opened.db,
    safeModeMessage: null,
    cipher: createBiometricCipher(key),
    clock: () => clock.now,
    stationId: 'station-test',
    operatorPolicy: { ...DEFAULT_OPERATOR_POLICY, ...options.policy },
  };
  return {
    ctx,
    db: opened.db,
    dir,
    dbPath,
    key,
    auditKey,
    clock,
    close() {
      if (opened.db.open) opened.db.close();
      cleanup();
    },
  };
}
