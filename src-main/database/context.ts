// What every store service receives: the connection(s), the biometric cipher and an injected
// clock (tests pass a fake one; nothing in the store reads the time any other way).
import type { BiometricCipher } from './crypto/biometric-cipher';
import type { ReadableDb, WritableDb } from './db/sql';
import { StoreError } from './errors';

/**
 * Account policy as data: lock-out and session lifetimes. Its shape lives here, with the context
 * that carries it, because the data layer sits below operators/; the values and their reasons are
 * operators/policy.ts's DEFAULT_OPERATOR_POLICY.
 */
export interface OperatorPolicy {
  /** Consecutive wrong passwords before the account locks. */
  maxFailedAttempts: number;
  lockoutMs: number;
  /** A session unused for this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after login, however active. */
  sessionMaxMs: number;
  minPasswordLength: number;
  /** A supervisor's credentials typed at the desk authorise one action within this window. */
  authorisationMs: number;
}

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
