// Local operator accounts: creation and the list an admin sees. Sessions (checking and ending
// one) are in sessions.ts, signing in in login-steps.ts, what an admin does to an account in
// admin.ts.
import { randomUUID } from 'node:crypto';
import { appendAuditEntry } from '../audit/append';
import { requireWritable, type StoreContext } from '../database/context';
import { inTransaction } from '../database/db/sql';
import { StoreError } from '../database/errors';
import {
  countOperators,
  findOperatorByUsername,
  insertOperator,
  lastSignIns,
  listOperators,
  type OperatorRecord,
  type OperatorRole,
} from '../database/queries/operators';
import { hashPassword } from './password';
import { checkNewPassword } from './password-rules';
import { isOperatorRole } from './policy';
import { summarize, type OperatorSummary } from './session-token';
import { requireSession } from './sessions';

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
