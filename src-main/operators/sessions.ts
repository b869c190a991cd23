// Operator sessions: resolving a session token (expiry, idle time, role) and ending a session.
// Every store method that acts for an operator starts with requireSession.
import { appendAuditEntry } from '../audit/append';
import { requireWritable, type StoreContext } from '../database/context';
import { inTransaction } from '../database/db/sql';
import { StoreError } from '../database/errors';
import {
  findOperatorById,
  findSession,
  revokeSession,
  touchSession,
  type OperatorRole,
} from '../database/queries/operators';
import { roleAllows } from './policy';
import { summarize, tokenHash, type SessionInfo } from './session-token';

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
