// Local operator accounts: creation, login with lock-out, and expiring sessions.
// Session tokens are random 256-bit values; only their SHA-256 is stored, so a copied database
// does not hand out live sessions.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendAuditEntry } from '../audit/append';
import { requireWritable, type StoreContext } from '../store/context';
import { inTransaction } from '../store/db/sql';
import { StoreError } from '../store/errors';
import {
  countOperators,
  findOperatorById,
  findOperatorByUsername,
  findSession,
  insertOperator,
  insertSession,
  listOperators,
  revokeOperatorSessions,
  revokeSession,
  setLoginFailures,
  touchSession,
  type OperatorRecord,
  type OperatorRole,
} from '../store/queries/operators';
import { hashPassword, verifyPassword } from './password';
import { isOperatorRole, roleAllows } from './policy';

export interface OperatorSummary {
  operatorId: string;
  username: string;
  displayName: string;
  role: OperatorRole;
  lockedUntil: number | null;
  disabled: boolean;
}

export interface SessionInfo {
  operator: OperatorSummary;
  expiresAt: number;
}

export type LoginOutcome =
  | { ok: true; token: string; session: SessionInfo }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'locked_out'; lockedUntil: number };

export interface NewOperator {
  username: string;
  displayName: string;
  role: OperatorRole;
  password: string;
}

// Compared against when the username is unknown, so that timing does not reveal which names exist.
let dummyHash: Promise<string> | undefined;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function summarize(op: OperatorRecord): OperatorSummary {
  return {
    operatorId: op.operatorId,
    username: op.username,
    displayName: op.displayName,
    role: op.role,
    lockedUntil: op.lockedUntil,
    disabled: op.disabledAt !== null,
  };
}

function checkNewOperator(ctx: StoreContext, input: NewOperator): void {
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(input.username)) {
    throw new StoreError(
      'invalid_input',
      'username: 3-64 letters, digits, dot, dash or underscore',
    );
  }
  if (!isOperatorRole(input.role)) throw new StoreError('invalid_input', 'unknown role');
  if (input.password.length < ctx.operatorPolicy.minPasswordLength) {
    throw new StoreError(
      'invalid_input',
      `password must have at least ${ctx.operatorPolicy.minPasswordLength} characters`,
    );
  }
}

async function insertNewOperator(
  ctx: StoreContext,
  input: NewOperator,
  actor: string | null,
  guard: () => void,
): Promise<OperatorSummary> {
  checkNewOperator(ctx, input);
  const db = requireWritable(ctx);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, () => {
    guard();
    if (findOperatorByUsername(db, input.username) !== undefined) {
      throw new StoreError('conflict', 'username already exists');
    }
    const now = ctx.clock();
    const record: OperatorRecord = {
      operatorId: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: now,
      disabledAt: null,
    };
    insertOperator(db, record);
    appendAuditEntry(
      db,
      {
        kind: 'operator',
        actor,
        payload: {
          action: 'created',
          operatorId: record.operatorId,
          username: record.username,
          role: record.role,
        },
      },
      now,
    );
    return summarize(record);
  });
}

/** The first account of a new station; refused once any account exists. */
export function bootstrapAdmin(
  ctx: StoreContext,
  input: Omit<NewOperator, 'role'>,
): Promise<OperatorSummary> {
  return insertNewOperator(ctx, { ...input, role: 'admin' }, null, () => {
    if (countOperators(ctx.read) > 0)
      throw new StoreError('forbidden', 'station already has accounts');
  });
}

export async function createOperator(
  ctx: StoreContext,
  sessionToken: string,
  input: NewOperator,
): Promise<OperatorSummary> {
  const admin = requireSession(ctx, sessionToken, 'admin');
  return insertNewOperator(ctx, input, admin.operator.username, () => undefined);
}

export async function login(
  ctx: StoreContext,
  username: string,
  password: string,
): Promise<LoginOutcome> {
  const db = requireWritable(ctx);
  const found = findOperatorByUsername(db, username);
  const policy = ctx.operatorPolicy;
  const fail = (reason: string): void =>
    inTransaction(db, () => {
      appendAuditEntry(
        db,
        { kind: 'login', actor: username, payload: { outcome: reason } },
        ctx.clock(),
      );
    });

  if (found === undefined || found.disabledAt !== null) {
    dummyHash ??= hashPassword('no such operator');
    await verifyPassword(password, await dummyHash);
    fail('invalid_credentials');
    return { ok: false, reason: 'invalid_credentials' };
  }
  const lockedAtStart = found.lockedUntil;
  if (lockedAtStart !== null && ctx.clock() < lockedAtStart) {
    fail('locked_out');
    return { ok: false, reason: 'locked_out', lockedUntil: lockedAtStart };
  }
  const matches = await verifyPassword(password, found.passwordHash);

  return inTransaction(db, (): LoginOutcome => {
    const now = ctx.clock();
    // Re-read inside the transaction: another attempt may have finished while scrypt ran.
    const op = findOperatorById(db, found.operatorId) ?? found;
    if (op.lockedUntil !== null && now < op.lockedUntil) {
      appendAuditEntry(
        db,
        { kind: 'login', actor: op.username, payload: { outcome: 'locked_out' } },
        now,
      );
      return { ok: false, reason: 'locked_out', lockedUntil: op.lockedUntil };
    }
    if (!matches) {
      const failures = (op.lockedUntil !== null ? 0 : op.failedAttempts) + 1;
      const locks = failures >= policy.maxFailedAttempts;
      const lockedUntil = locks ? now + policy.lockoutMs : null;
      setLoginFailures(db, op.operatorId, locks ? 0 : failures, lockedUntil);
      appendAuditEntry(
        db,
        {
          kind: 'login',
          actor: op.username,
          payload: { outcome: locks ? 'locked_out_now' : 'invalid_credentials', failures },
        },
        now,
      );
      return locks
        ? { ok: false, reason: 'locked_out', lockedUntil: now + policy.lockoutMs }
        : { ok: false, reason: 'invalid_credentials' };
    }
    setLoginFailures(db, op.operatorId, 0, null);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + policy.sessionMaxMs;
    insertSession(db, {
      token_hash: tokenHash(token),
      operator_id: op.operatorId,
      created_at: now,
      last_used_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    });
    appendAuditEntry(db, { kind: 'login', actor: op.username, payload: { outcome: 'ok' } }, now);
    return {
      ok: true,
      token,
      session: { operator: summarize({ ...op, lockedUntil: null }), expiresAt },
    };
  });
}

/**
 * Resolves a session token, or throws unauthenticated / forbidden. A valid session's idle timer
 * restarts (except in safe mode, where nothing is written).
 */
export function requireSession(
  ctx: StoreContext,
  token: string,
  role: OperatorRole = 'operator',
): SessionInfo {
  const now = ctx.clock();
  const session = findSession(ctx.read, tokenHash(token));
  const expired =
    session === undefined ||
    session.revoked_at !== null ||
    now >= session.expires_at ||
    now - session.last_used_at >= ctx.operatorPolicy.sessionIdleMs;
  const op = session === undefined ? undefined : findOperatorById(ctx.read, session.operator_id);
  if (expired || op === undefined || op.disabledAt !== null) {
    throw new StoreError('unauthenticated', 'session expired or unknown; log in again');
  }
  if (!roleAllows(op.role, role)) throw new StoreError('forbidden', `requires the ${role} role`);
  if (ctx.writable !== null) touchSession(ctx.writable, session.token_hash, now);
  return { operator: summarize(op), expiresAt: session.expires_at };
}

export function logout(ctx: StoreContext, token: string): boolean {
  const db = requireWritable(ctx);
  return inTransaction(db, () => {
    const session = findSession(db, tokenHash(token));
    const revoked = revokeSession(db, tokenHash(token), ctx.clock());
    if (revoked && session !== undefined) {
      const op = findOperatorById(db, session.operator_id);
      appendAuditEntry(
        db,
        { kind: 'logout', actor: op?.username ?? null, payload: {} },
        ctx.clock(),
      );
    }
    return revoked;
  });
}

export function unlockOperator(ctx: StoreContext, adminToken: string, operatorId: string): void {
  const admin = requireSession(ctx, adminToken, 'admin');
  const db = requireWritable(ctx);
  inTransaction(db, () => {
    if (findOperatorById(db, operatorId) === undefined)
      throw new StoreError('not_found', 'no such operator');
    setLoginFailures(db, operatorId, 0, null);
    appendAuditEntry(
      db,
      {
        kind: 'operator',
        actor: admin.operator.username,
        payload: { action: 'unlocked', operatorId },
      },
      ctx.clock(),
    );
  });
}

export function revokeSessionsOf(ctx: StoreContext, adminToken: string, operatorId: string): void {
  const admin = requireSession(ctx, adminToken, 'admin');
  const db = requireWritable(ctx);
  inTransaction(db, () => {
    revokeOperatorSessions(db, operatorId, ctx.clock());
    appendAuditEntry(
      db,
      {
        kind: 'operator',
        actor: admin.operator.username,
        payload: { action: 'sessions_revoked', operatorId },
      },
      ctx.clock(),
    );
  });
}

export function listOperatorSummaries(ctx: StoreContext, token: string): OperatorSummary[] {
  requireSession(ctx, token, 'supervisor');
  return listOperators(ctx.read).map(summarize);
}
