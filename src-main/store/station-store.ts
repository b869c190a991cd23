// The one call the app's entry makes: resolve the data key and the audit key through the host's
// KeyWrapper, then start the store worker on <dataDir>/station.db. Everything at rest is
// owner-only (keys/file-modes.ts). A lost data key file is never replaced for an existing
// database: the store opens read-only instead. An unprotected key is reported loudly, both
// through the logger and in the returned object so the UI can show a banner.
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type StoreClient } from './client';
import type { IntegrityCheckLevel } from '../database/db/open-database';
import { ensurePrivateDir, prepareDatabaseFiles } from './keys/file-modes';
import {
  createKeyFile,
  loadOrCreateDataKey,
  readKeyFile,
  type KeyWrapper,
  type LoadedKey,
} from './keys/key-wrapper';

export interface OpenStationStoreOptions {
  dataDir: string;
  keyWrapper: KeyWrapper;
  stationId: string;
  workerPath?: string | URL;
  integrityCheck?: IntegrityCheckLevel;
  retentionIntervalMs?: number;
  log?: (level: 'warn' | 'error', message: string) => void;
}

export interface StationStore {
  store: StoreClient;
  keyProtection: KeyWrapper['protection'];
  /** Non-null when the biometric key is not protected: show it to the operator. */
  keyWarning: string | null;
}

export const DATABASE_FILE = 'station.db';
export const DATA_KEY_FILE = 'data-key.bin';
export const AUDIT_KEY_FILE = 'audit-key.bin';

function databaseExists(dbPath: string): boolean {
  return existsSync(dbPath) && statSync(dbPath).size > 0;
}

export async function openStationStore(options: OpenStationStoreOptions): Promise<StationStore> {
  const log = options.log ?? ((level, message) => console[level](message));
  ensurePrivateDir(options.dataDir);
  const dbPath = join(options.dataDir, DATABASE_FILE);
  const dataKeyFile = join(options.dataDir, DATA_KEY_FILE);
  const auditKeyFile = join(options.dataDir, AUDIT_KEY_FILE);
  const existing = databaseExists(dbPath);
  // A database without its key file: the key is lost, not new. The worker opens it read-only.
  const dataKey: LoadedKey | null =
    existing && !existsSync(dataKeyFile)
      ? null
      : await loadOrCreateDataKey(dataKeyFile, options.keyWrapper);
  const auditKey = existsSync(auditKeyFile)
    ? await readKeyFile(auditKeyFile, options.keyWrapper, 'audit')
    : await createKeyFile(auditKeyFile, options.keyWrapper, 'audit');
  if (options.keyWrapper.warning !== null) log('warn', options.keyWrapper.warning);
  prepareDatabaseFiles(dbPath);
  try {
    const store = await openStore({
      dbPath,
      dataKey: dataKey?.key ?? null,
      auditKey: auditKey.key,
      auditKeyCreated: auditKey.created,
      stationId: options.stationId,
      workerPath: options.workerPath,
      integrityCheck: options.integrityCheck,
      retentionIntervalMs: options.retentionIntervalMs,
    });
    // A key made on this start that the database refuses must not shadow the real one later.
    if (auditKey.created && !store.status.auditKeyAccepted) unlinkSync(auditKeyFile);
    prepareDatabaseFiles(dbPath);
    if (store.status.mode === 'safe-readonly') log('error', store.status.message);
    if (!store.status.audit.ok) log('error', auditFailureMessage(store.status.audit.problems));
    return {
      store,
      keyProtection: options.keyWrapper.protection,
      keyWarning: options.keyWrapper.warning,
    };
  } finally {
    dataKey?.key.fill(0);
    auditKey.key.fill(0);
  }
}

export function auditFailureMessage(problems: number): string {
  return (
    `AUDIT CHAIN VERIFICATION FAILED (${problems} problem(s)): entries were removed, edited or ` +
    'forged outside the station. Keep a copy of the data folder for investigation.'
  );
}
