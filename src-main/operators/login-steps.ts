// Sign-in in two short store steps with the password check between them, so that scrypt (tens of
// milliseconds of CPU, 32 MiB) never runs inside the store worker's single request queue: the
// worker answers `begin` (which hash to compare against) and `finish` (count the failure or open
// the session) at SQLite speed, and the caller runs scrypt wherever it likes (main's libuv pool,
// behind the sign-in gate's throttle).
import { randomBytes } from 'node:crypto';
import { appendAuditEntry } from '../audit/append';
import { requireWritable, type StoreContext } from '../database/context';
import { inTransaction } from '../database/db/sql';
import {
  findOperatorById,
  findOperatorByUsername,
  insertSession,
  revokeOperatorSessions,
  setLoginFailures,
  type OperatorRecord,
} from '../database/queries/operators';
import { dummyPasswordHash, verifyPassword } from './password';
import { summarize, tokenHash, type SessionInfo } from './session-token';

export type LoginOutcome =
  | { ok: true; token: string; session: SessionInfo }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'locked_out'; lockedUntil: number };

/**
 * `session`: the operator signs in at this desk (any earlier session of theirs ends).
 * `authorise`: a supervisor types credentials to authorise one action; a short session that
 * leaves their own desk session alone.
 */
export type LoginPurpose = 'session' | 'authorise';

export interface LoginChallenge {
  /** The hash to compare the typed password against; null when there is no usable account
   *  (unknown, disabled or locked): the caller then compares against a dummy hash, so that
   *  timing does not tell which of these it was. */
  passwordHash: string | null;
}

export interface LoginAttempt {
  username: string;
  /** The hash `begin` returned; a password changed meanwhile makes the attempt fail. */
  passwordHash: string | null;
  matches: boolean;
  purpose: LoginPurpose;
}

function usable(op: OperatorRecord | undefined, now: number): op is OperatorRecord {
  return (
    op !== undefined && op.disabledAt === null && (op.lockedUntil === null || now >= op.lockedUntil)
  );
}

export function beginLogin(ctx: StoreContext, username: string): LoginChallenge {
  const op = findOperatorByUsername(ctx.read, username);
  return { passwordHash: usable(op, ctx.clock()) ? op.passwordHash : null };
}

export function finishLogin(ctx: StoreContext, attempt: LoginAttempt): LoginOutcome {
  const db = requireWritable(ctx);
  const policy = ctx.operatorPolicy;
  return inTransaction(db, (): LoginOutcome => {
    const now = ctx.clock();
    const audit = (actor: string, payload: Record<string, unknown>): void => {
      appendAuditEntry(db, { kind: 'login', actor, payload }, now);
    };
    // Re-read inside the transaction: another attempt may have finished while scrypt ran.
    const op = findOperatorByUsername(db, attempt.username);
    if (op === undefined || op.disabledAt !== null) {
      audit(attempt.username, { outcome: 'invalid_credentials' });
      return { ok: false, reason: 'invalid_credentials' };
    }
    if (op.lockedUntil !== null && now < op.lockedUntil) {
      audit(op.username, { outcome: 'locked_out' });
      return { ok: false, reason: 'locked_out', lockedUntil: op.lockedUntil };
    }
    const matches =
      attempt.matches && attempt.passwordHash !== null && attempt.passwordHash === op.passwordHash;
    if (!matches) {
      const failures = (op.lockedUntil !== null ? 0 : op.failedAttempts) + 1;
      const locks = failures >= policy.maxFailedAttempts;
      const lockedUntil = locks ? now + policy.lockoutMs : null;
      setLoginFailures(db, op.operatorId, locks ? 0 : failures, lockedUntil);
      audit(op.username, { outcome: locks ? 'locked_out_now' : 'invalid_credentials', failures });
      return lockedUntil !== null
        ? { ok: false, reason: 'locked_out', lockedUntil }
        : { ok: false, reason: 'invalid_credentials' };
    }
    setLoginFailures(db, op.operatorId, 0, null);
    // One desk session per operator: signing in again ends the session left open elsewhere.
    if (attempt.purpose === 'session') revokeOperatorSessions(db, op.operatorId, now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt =
      now + (attempt.purpose === 'session' ? policy.sessionMaxMs : policy.authorisationMs);
    insertSession(db, {
      token_hash: tokenHash(token),
      operator_id: op.operatorId,
      created_at: now,
      last_used_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    });
    audit(op.username, { outcome: 'ok', purpose: attempt.purpose });
    const fresh = findOperatorById(db, op.operatorId) ?? op;
    return { ok: true, token, session: { operator: summarize(fresh), expiresAt } };
  });
}

/** Both steps with the password check between them, in one process (tests, tools). */
export async function login(
  ctx: StoreContext,
  username: string,
  password: string,
  purpose: LoginPurpose = 'session',
): Promise<LoginOutcome> {
  const { passwordHash } = beginLogin(ctx, username);
  const matches = await verifyPassword(password, passwordHash ?? (await dummyPasswordHash()));
  return finishLogin(ctx, {
    username,
    passwordHash,
    matches: matches && passwordHash !== null,
    purpose,
  });
}
