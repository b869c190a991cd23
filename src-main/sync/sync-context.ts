// What every sync step receives: the store (typed `send`), the central API client, the station
// id and injected time and randomness, so tests can drive each step without the service loop.
import type { StoreClient } from '../store/client';
import type { ArgosClient } from './argos-client';
import type { BackoffPolicy } from './backoff';
import type { DataScope } from './data-scope';

export type StoreSender = Pick<StoreClient, 'send'>;

export interface SyncLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: SyncLogger = { info: () => {}, warn: () => {} };

export interface SyncContext {
  store: StoreSender;
  client: ArgosClient;
  stationId: string;
  clock: () => number;
  random: () => number;
  backoff: BackoffPolicy;
  log: SyncLogger;
  /** 'real' unless this service talks to demo mode's local simulator. */
  scope: DataScope;
}

/** A request to stop all traffic until `until` (Retry-After, a refused key). */
export interface Pause {
  until: number;
  reason: string;
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000);
}
