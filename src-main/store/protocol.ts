// Messages between the main-process client and the store worker.
import type { AuditProblem } from '../audit/verify';
import type { IntegrityCheckLevel } from '../database/db/open-database';
import type { StoreErrorCode } from '../database/errors';
import type { RetentionReport } from './services/retention';

export interface StoreWorkerData {
  dbPath: string;
  /** 32-byte AES key; the worker copies it into its cipher and wipes this buffer. null: the key
   * file is missing for an existing database, so the store opens in read-only safe mode. */
  dataKey: Uint8Array | null;
  /** 32-byte HMAC key sealing the audit chain; bound to the connection, then wiped. */
  auditKey: Uint8Array;
  /** Main made the audit key file on this start. */
  auditKeyCreated: boolean;
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

/** The audit chain's verification at start-up (the store worker runs it before `ready`). */
export interface AuditSummary {
  ok: boolean;
  entries: number;
  problems: number;
  firstProblems: AuditProblem[];
  error?: string;
}

interface KeyAndAuditStatus {
  /** False: the audit key does not belong to this database (main drops a key it just made). */
  auditKeyAccepted: boolean;
  audit: AuditSummary;
}

export type StoreStatus =
  | ({
      mode: 'writable';
      schemaVersion: number;
      migrated: string[];
      integrityMs: number;
    } & KeyAndAuditStatus)
  | ({ mode: 'safe-readonly'; message: string; problems: string[] } & KeyAndAuditStatus);

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
