// Sign-in in two store steps: one desk session per operator, a supervisor's authorisation that
// leaves their desk session alone, and a password changed between the steps.
import { afterEach, describe, expect, it } from 'vitest';
import { changeOperator } from '../../../src-main/operators/admin';
import { beginLogin, finishLogin, login } from '../../../src-main/operators/login-steps';
import { hashPassword } from '../../../src-main/operators/password';
import { bootstrapAdmin } from '../../../src-main/operators/service';
import { requireSession } from '../../../src-main/operators/sessions';
import { StoreError } from '../../../src-main/database/errors';
import { openTestStore, type TestStore } from '../../support/store/context';

let store: TestStore | undefined;
afterEach(() => store?.close());

const PASSWORD = 'admin password 1';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return undefined;
}

async function signedIn(s: TestStore, purpose: 'session' | 'authorise' = 'session') {
  const outcome = await login(s.ctx, 'admin', PASSWORD, purpose);
  if (!outcome.ok) throw new Error('login failed');
  return outcome;
}

describe('login steps', () => {
  it('ends the earlier desk session when the operator signs in again', async () => {
    store = openTestStore();
    await bootstrapAdmin(store.ctx, { username: 'admin', displayName: 'A', password: PASSWORD });
    const first = await signedIn(store);
    const second = await signedIn(store);
    expect(code(() => requireSession(store!.ctx, first.token))).toBe('unauthenticated');
    expect(requireSession(store.ctx, second.token).operator.username).toBe('admin');
  });

  it('keeps the desk session during a one-minute authorisation', async () => {
    store = openTestStore();
    await bootstrapAdmin(store.ctx, { username: 'admin', displayName: 'A', password: PASSWORD });
    const desk = await signedIn(store);
    const approval = await signedIn(store, 'authorise');
    expect(approval.session.expiresAt).toBe(store.clock.now + 60_000);
    expect(requireSession(store.ctx, desk.token).operator.username).toBe('admin');
  });

  it('refuses a password checked against a hash that changed between the steps', async () => {
    store = openTestStore();
    await bootstrapAdmin(store.ctx, { username: 'admin', displayName: 'A', password: PASSWORD });
    const desk = await signedIn(store);
    const { passwordHash } = beginLogin(store.ctx, 'admin');
    // An admin resets the password while the old one is being checked.
    changeOperator(store.ctx, desk.token, desk.session.operator.operatorId, {
      action: 'resetPassword',
      passwordHash: await hashPassword('another password 1'),
    });
    expect(
      finishLogin(store.ctx, {
        username: 'admin',
        passwordHash,
        matches: true,
        purpose: 'session',
      }),
    ).toEqual({ ok: false, reason: 'invalid_credentials' });
  });
});
