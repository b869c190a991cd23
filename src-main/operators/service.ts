// Local operator accounts: creation, sessions that expire, and the list an admin sees.
// Signing in is in login-steps.ts; what an admin does to an account is in admin.ts.
import { randomUUID } from 'node:crypto';
import { appendAuditEntry } from '../audit/append';
import { requireWritable, type StoreContext } from '../database/context';
import { inTransaction } from '../database/db/sql';
import { StoreError } from '../database/errors';
import {
  countOperators,
  findOperatorById,
  findOperatorByUsername,
  findSession,
  insertOperator,
  lastSignIns,
  listOperators,
  revokeSession,
  touchSession,
  type OperatorRecord,
  type OperatorRole,
} from '../database/queries/operators';
import { hashPassword } from './password';
import { checkNewPassword } from './password-rules';
import { isOperatorRole, roleAllows } from './policy';
import { summarize, tokenHash, type OperatorSummary, type SessionInfo } from './session-token';

export { login, type LoginOutcome } from './login-steps';
export { summarize, tokenHash, type OperatorSummary, type SessionInfo } from './session-token';

export interface NewOperator {
  username: string;
  displayName: string;
  role: OperatorRole;
  password: string;
}

function checkNewOperator(ctx: StoreContext, input: NewOperator): void {
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(input.username)) {
    throw new StoreError(
      'invalid_input',
      'username: 3-64 letters, digits, dot, dash or underscore',
    );
  }
  if (!isOperatorRole(input.role)) throw new StoreError('invalid_input', 'unknown role');
  checkNewPassword(input.password, ctx.operatorPolicy);
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

export function listOperatorSummaries(
  ctx: StoreContext,
  token: string,
): (OperatorSummary & { lastSignInAt: number | null })[] {
  requireSession(ctx, token, 'supervisor');
  const signIns = lastSignIns(ctx.read);
  return listOperators(ctx.read).map((op) => ({
    ...summarize(op),
    lastSignInAt: signIns.get(op.username) ?? null,
  }));
}
