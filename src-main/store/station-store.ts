// The one call the app's entry makes: resolve the data key through the host's KeyWrapper, then
// start the store worker on <dataDir>/station.db. A plaintext key store is reported loudly, both
// through the logger and in the returned object so the UI can show a banner.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type StoreClient } from './client';
import type { IntegrityCheckLevel } from './db/open-database';
import { loadOrCreateDataKey, type KeyWrapper } from './keys/key-wrapper';

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
  /** Non-null when the biometric key is not OS-protected: show it to the operator. */
  keyWarning: string | null;
}

export const DATABASE_FILE = 'station.db';
export const DATA_KEY_FILE = 'data-key.bin';

export async function openStationStore(options: OpenStationStoreOptions): Promise<StationStore> {
  const log = options.log ?? ((level, message) => console[level](message));
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const key = loadOrCreateDataKey(join(options.dataDir, DATA_KEY_FILE), options.keyWrapper);
  if (key.warning !== null) log('warn', key.warning);
  try {
    const store = await openStore({
      dbPath: join(options.dataDir, DATABASE_FILE),
      dataKey: key.dataKey,
      stationId: options.stationId,
      workerPath: options.workerPath,
      integrityCheck: options.integrityCheck,
      retentionIntervalMs: options.retentionIntervalMs,
    });
    if (store.status.mode === 'safe-readonly') log('error', store.status.message);
    return { store, keyProtection: key.protection, keyWarning: key.warning };
  } finally {
    key.dataKey.fill(0);
  }
}
