// What an admin does to an account (disable, enable, unlock, reset its password, end its
// sessions, change its role) and what anyone does to their own (change the password). Every
// change is audited in the same transaction. Passwords arrive already hashed: scrypt runs in main
// behind the sign-in gate, never in the store worker's queue.
import { appendAuditEntry } from '../audit/append';
import { requireWritable, type StoreContext } from '../database/context';
import { inTransaction } from '../database/db/sql';
import { StoreError } from '../database/errors';
import {
  findOperatorById,
  findSession,
  revokeOperatorSessions,
  revokeOtherSessions,
  setLoginFailures,
  setOperatorDisabled,
  setOperatorRole,
  setPasswordHash,
  type OperatorRecord,
  type OperatorRole,
} from '../database/queries/operators';
import { isOperatorRole } from './policy';
import { requireSession } from './sessions';
import { tokenHash } from './session-token';

export type OperatorChange =
  | { action: 'disable' }
  | { action: 'enable' }
  | { action: 'unlock' }
  | { action: 'revokeSessions' }
  | { action: 'resetPassword'; passwordHash: string }
  | { action: 'changeRole'; role: OperatorRole };

const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

function checkHash(passwordHash: string): void {
  if (!SCRYPT_HASH.test(passwordHash)) throw new StoreError('invalid_input', 'not a password hash');
}

function apply(
  db: ReturnType<typeof requireWritable>,
  target: OperatorRecord,
  change: OperatorChange,
  now: number,
): void {
  switch (change.action) {
    case 'disable':
      setOperatorDisabled(db, target.operatorId, now);
      revokeOperatorSessions(db, target.operatorId, now);
      return;
    case 'enable':
      setOperatorDisabled(db, target.operatorId, null);
      return;
    case 'unlock':
      setLoginFailures(db, target.operatorId, 0, null);
      return;
    case 'revokeSessions':
      revokeOperatorSessions(db, target.operatorId, now);
      return;
    case 'resetPassword':
      // The old password may be known to someone else: its sessions end with it.
      setPasswordHash(db, target.operatorId, change.passwordHash);
      revokeOperatorSessions(db, target.operatorId, now);
      return;
    case 'changeRole':
      setOperatorRole(db, target.operatorId, change.role);
      return;
  }
}

/** An admin changes another account. An admin cannot disable or demote themselves, so a
 *  station always keeps the admin who is acting. */
export function changeOperator(
  ctx: StoreContext,
  adminToken: string,
  operatorId: string,
  change: OperatorChange,
): void {
  const admin = requireSession(ctx, adminToken, 'admin');
  if (change.action === 'resetPassword') checkHash(change.passwordHash);
  if (change.action === 'changeRole' && !isOperatorRole(change.role))
    throw new StoreError('invalid_input', 'unknown role');
  const self = admin.operator.operatorId === operatorId;
  if (self && (change.action === 'disable' || change.action === 'changeRole')) {
    throw new StoreError('forbidden', 'an admin cannot disable or demote their own account');
  }
  const db = requireWritable(ctx);
  inTransaction(db, () => {
    const target = findOperatorById(db, operatorId);
    if (target === undefined) throw new StoreError('not_found', 'no such operator');
    const now = ctx.clock();
    apply(db, target, change, now);
    appendAuditEntry(
      db,
      {
        kind: 'operator',
        actor: admin.operator.username,
        payload: {
          action: change.action,
          operatorId,
          username: target.username,
          ...(change.action === 'changeRole' ? { from: target.role, to: change.role } : {}),
        },
      },
      now,
    );
  });
}

/** The signed-in operator's current hash, for main to check the old password against. */
export function ownPasswordHash(ctx: StoreContext, sessionToken: string): { passwordHash: string } {
  const session = requireSession(ctx, sessionToken);
  const op = findOperatorById(ctx.read, session.operator.operatorId);
  if (op === undefined) throw new StoreError('unauthenticated', 'session expired or unknown');
  return { passwordHash: op.passwordHash };
}

/**
 * Sets the signed-in operator's new password. `verifiedHash` is the hash the old password was
 * checked against: if it changed meanwhile (an admin reset), nothing is written. Other sessions
 * of the operator end; this one stays.
 */
export function setOwnPassword(
  ctx: StoreContext,
  sessionToken: string,
  verifiedHash: string,
  newHash: string,
): void {
  checkHash(newHash);
  const session = requireSession(ctx, sessionToken);
  const db = requireWritable(ctx);
  inTransaction(db, () => {
    const op = findOperatorById(db, session.operator.operatorId);
    if (op === undefined || op.passwordHash !== verifiedHash)
      throw new StoreError('conflict', 'the password changed meanwhile; try again');
    const now = ctx.clock();
    setPasswordHash(db, op.operatorId, newHash);
    const current = findSession(db, tokenHash(sessionToken));
    if (current !== undefined) revokeOtherSessions(db, op.operatorId, current.token_hash, now);
    appendAuditEntry(
      db,
      { kind: 'operator', actor: op.username, payload: { action: 'ownPasswordChanged' } },
      now,
    );
  });
}
