// Sign-in without a denial of service. Checking a password costs scrypt (tens of milliseconds of
// CPU and 32 MiB): this gate runs that check outside the store worker's queue, at most a few at
// once station-wide, and answers `throttled` at once, without hashing, when
//   - this connection already has a sign-in in flight, or failed too often too recently
//     (exponential back-off after a few free failures: OWASP ASVS 4.0 V2.2.1), or
//   - too many checks are already running or waiting, or too many sign-ins failed station-wide
//     in the last minute.
// The per-account lock-out (login-steps.ts) still applies on top.
// Types only: login-steps.ts writes to the database and runs in the store worker; this gate runs
// in main, where a value import would pull SQL into the main bundle.
import type { LoginAttempt, LoginChallenge, LoginOutcome, LoginPurpose } from './login-steps';
import { dummyPasswordHash, verifyPassword } from './password';

export interface SignInGateOptions {
  /** scrypt checks running at once, station-wide. */
  maxConcurrent: number;
  /** Checks waiting for a slot; beyond this a sign-in is refused at once. */
  maxWaiting: number;
  /** Failures a connection may make before it must wait between attempts. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failed sign-ins station-wide per rolling minute before everyone must wait. */
  maxFailuresPerMinute: number;
  clock: () => number;
}

export const DEFAULT_SIGN_IN_GATE: SignInGateOptions = {
  maxConcurrent: 2,
  maxWaiting: 8,
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxFailuresPerMinute: 60,
  clock: Date.now,
};

export type Throttled = { ok: false; reason: 'throttled'; retryAfterMs: number };
export type GateOutcome = LoginOutcome | Throttled;

interface ConnectionRecord {
  failures: number;
  lastFailureAt: number;
  inFlight: boolean;
}

/** The store methods the gate calls, with their arguments and replies. */
interface SignInCalls {
  'operators:loginBegin': { args: { username: string }; reply: LoginChallenge };
  'operators:loginFinish': { args: LoginAttempt; reply: LoginOutcome };
  'operators:ownPasswordHash': { args: { sessionToken: string }; reply: { passwordHash: string } };
}

/**
 * The store client's `send`, narrowed to what the gate calls. Spelt out here rather than taken
 * from store/client: operators/ sits below the store and must not import it.
 */
export type SignInSend = <K extends keyof SignInCalls>(
  method: K,
  args: SignInCalls[K]['args'],
) => Promise<SignInCalls[K]['reply']>;

const MINUTE_MS = 60_000;
/** Forget connections beyond this many (oldest first), so the map cannot grow without bound. */
const MAX_TRACKED_CONNECTIONS = 10_000;

export class SignInGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly connections = new Map<string, ConnectionRecord>();
  private recentFailures: number[] = [];
  private readonly options: SignInGateOptions;

  constructor(
    private readonly send: SignInSend,
    options: Partial<SignInGateOptions> = {},
  ) {
    this.options = { ...DEFAULT_SIGN_IN_GATE, ...options };
  }

  /** Checks a username and password and, when they match, opens a session (or an authorisation). */
  async signIn(
    connectionId: string,
    username: string,
    password: string,
    purpose: LoginPurpose,
  ): Promise<GateOutcome> {
    return this.guarded(connectionId, async () => {
      const { passwordHash } = await this.send('operators:loginBegin', { username });
      const matches = await verifyPassword(password, passwordHash ?? (await dummyPasswordHash()));
      return this.send('operators:loginFinish', {
        username,
        passwordHash,
        matches: matches && passwordHash !== null,
        purpose,
      });
    });
  }

  /** Checks the signed-in operator's current password (before they change it). */
  async checkOwnPassword(
    connectionId: string,
    sessionToken: string,
    password: string,
  ): Promise<
    { ok: true; verifiedHash: string } | { ok: false; reason: 'wrong_password' } | Throttled
  > {
    return this.guarded(connectionId, async () => {
      const { passwordHash } = await this.send('operators:ownPasswordHash', { sessionToken });
      return (await verifyPassword(password, passwordHash))
        ? { ok: true as const, verifiedHash: passwordHash }
        : { ok: false as const, reason: 'wrong_password' as const };
    });
  }

  private async guarded<T extends { ok: boolean }>(
    connectionId: string,
    check: () => Promise<T>,
  ): Promise<T | Throttled> {
    const now = this.options.clock();
    const record = this.connection(connectionId);
    const wait = this.waitFor(record, now);
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
    record.inFlight = true;
    try {
      await this.acquire();
      let outcome: T;
      try {
        outcome = await check();
      } finally {
        this.release();
      }
      this.count(record, outcome.ok);
      return outcome;
    } finally {
      record.inFlight = false;
    }
  }

  /** How long this connection must wait before its next attempt; 0 when it may go now. */
  private waitFor(record: ConnectionRecord, now: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs, maxConcurrent, maxWaiting } = this.options;
    if (record.inFlight) return baseDelayMs;
    if (this.running >= maxConcurrent && this.waiting.length >= maxWaiting) return baseDelayMs;
    this.recentFailures = this.recentFailures.filter((at) => now - at < MINUTE_MS);
    if (this.recentFailures.length >= this.options.maxFailuresPerMinute) {
      return MINUTE_MS - (now - (this.recentFailures[0] ?? now));
    }
    if (record.failures < freeFailures) return 0;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (record.failures - freeFailures));
    return Math.max(0, record.lastFailureAt + delay - now);
  }

  private count(record: ConnectionRecord, succeeded: boolean): void {
    if (succeeded) {
      record.failures = 0;
      return;
    }
    const now = this.options.clock();
    record.failures += 1;
    record.lastFailureAt = now;
    this.recentFailures.push(now);
  }

  private connection(connectionId: string): ConnectionRecord {
    let record = this.connections.get(connectionId);
    if (record === undefined) {
      if (this.connections.size >= MAX_TRACKED_CONNECTIONS) {
        const oldest = this.connections.keys().next().value;
        if (oldest !== undefined) this.connections.delete(oldest);
      }
      record = { failures: 0, lastFailureAt: 0, inFlight: false };
      this.connections.set(connectionId, record);
    }
    return record;
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.maxConcurrent) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next !== undefined) next();
    else this.running -= 1;
  }
}
