// What every store service receives: the connection(s), the biometric cipher and an injected
// clock (tests pass a fake one; nothing in the store reads the time any other way).
import type { OperatorPolicy } from '../operators/policy';
import type { BiometricCipher } from './crypto/biometric-cipher';
import type { ReadableDb, WritableDb } from './db/sql';
import { StoreError } from './errors';

export interface StoreContext {
  readonly read: ReadableDb;
  /** null in read-only safe mode. */
  readonly writable: WritableDb | null;
  readonly safeModeMessage: string | null;
  readonly cipher: BiometricCipher;
  readonly clock: () => number;
  readonly stationId: string;
  readonly operatorPolicy: OperatorPolicy;
}

export function requireWritable(ctx: StoreContext): WritableDb {
  if (ctx.writable === null) {
    throw new StoreError('safe_mode', ctx.safeModeMessage ?? 'The store is read-only.');
  }
  return ctx.writable;
}
