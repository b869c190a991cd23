// Messages between the main-process client and the store worker.
import type { IntegrityCheckLevel } from '../db/open-database';
import type { StoreErrorCode } from '../errors';
import type { RetentionReport } from '../services/retention';

export interface StoreWorkerData {
  dbPath: string;
  /** 32-byte AES key; the worker copies it into its cipher and wipes this buffer. */
  dataKey: Uint8Array;
  stationId: string;
  integrityCheck: IntegrityCheckLevel;
  /** How often the worker applies the retention policy by itself; 0 turns the timer off. */
  retentionIntervalMs: number;
}

/** Push events from the worker, in the Actual Budget way: one typed map, separate from replies. */
export interface StoreEvents {
  'retention:ran': RetentionReport;
  'retention:failed': WireError;
}

export interface WireError {
  code: StoreErrorCode;
  message: string;
}

export type StoreStatus =
  | { mode: 'writable'; schemaVersion: number; migrated: string[]; integrityMs: number }
  | { mode: 'safe-readonly'; message: string; problems: string[] };

export interface RequestMessage {
  id: number;
  method: string;
  args: unknown;
}

export type WorkerMessage =
  | { type: 'ready'; status: StoreStatus }
  | { type: 'fatal'; error: WireError }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError }
  | { type: 'event'; name: keyof StoreEvents; payload: StoreEvents[keyof StoreEvents] }
  | { type: 'closed' };

export const CLOSE_METHOD = '__close';
