// Operator accounts: scrypt hashes, lock-out after repeated failures, expiring sessions and
// role checks, with an injected clock (no test sleeps).
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-main/operators/password';
import {
  bootstrapAdmin,
  createOperator,
  login,
  type LoginOutcome,
} from '../../../src-main/operators/service';
import { logout, requireSession } from '../../../src-main/operators/sessions';
import { changeOperator } from '../../../src-main/operators/admin';
import { verifyAuditChain } from '../../../src-main/audit/verify';
import { StoreError } from '../../../src-main/database/errors';
import { openTestStore, type TestStore } from '../../support/store/context';

let store: TestStore | undefined;
afterEach(() => store?.close());

const MINUTE = 60_000;
const ADMIN_PW = 'correct horse battery';
const OP_PW = 'operator secret 1';

async function adminToken(s: TestStore): Promise<string> {
  await bootstrapAdmin(s.ctx, { username: 'admin', displayName: 'Admin', password: ADMIN_PW });
  const outcome = await login(s.ctx, 'admin', ADMIN_PW);
  if (!outcome.ok) throw new Error('admin login failed');
  return outcome.token;
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return undefined;
}

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt, and verifies only the right secret', async () => {
    const a = await hashPassword('s3cret-password');
    const b = await hashPassword('s3cret-password');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-password', a)).toBe(true);
    expect(await verifyPassword('s3cret-passworD', a)).toBe(false);
    expect(await verifyPassword('s3cret-password', 'plain:s3cret-password')).toBe(false);
  });
});

describe('operators', () => {
  it('bootstraps one admin only, and only an admin creates accounts', async () => {
    store = openTestStore();
    const token = await adminToken(store);
    await expect(
      bootstrapAdmin(store.ctx, { username: 'eve', displayName: 'Eve', password: 'x'.repeat(12) }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await createOperator(store.ctx, token, {
      username: 'olga',
      displayName: 'Olga',
      role: 'operator',
      password: OP_PW,
    });
    const olga = await login(store.ctx, 'olga', OP_PW);
    if (!olga.ok) throw new Error('login failed');
    await expect(
      createOperator(store.ctx, olga.token, {
        username: 'x1',
        displayName: 'X',
        role: 'admin',
        password: OP_PW,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(errorCode(() => requireSession(store!.ctx, olga.token, 'supervisor'))).toBe('forbidden');
    expect(requireSession(store.ctx, olga.token, 'operator').operator.role).toBe('operator');
    // Passwords never reach the database in clear.
    const hashes = store.db.prepare(`SELECT password_hash FROM operators`).all() as {
      password_hash: string;
    }[];
    expect(
      hashes.every(
        (h) => h.password_hash.startsWith('scrypt$') && !h.password_hash.includes(OP_PW),
      ),
    ).toBe(true);
  });

  it('locks an account after 5 wrong passwords, even against the right one, until the lock-out ends', async () => {
    store = openTestStore();
    const token = await adminToken(store);
    await createOperator(store.ctx, token, {
      username: 'olga',
      displayName: 'Olga',
      role: 'operator',
      password: OP_PW,
    });
    const outcomes: LoginOutcome[] = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await login(store.ctx, 'olga', `wrong-${i}`));
    expect(outcomes.slice(0, 4).map((o) => !o.ok && o.reason)).toEqual(
      Array(4).fill('invalid_credentials'),
    );
    expect(outcomes[4]).toEqual({
      ok: false,
      reason: 'locked_out',
      lockedUntil: store.clock.now + 15 * MINUTE,
    });

    store.clock.advance(14 * MINUTE);
    expect(await login(store.ctx, 'olga', OP_PW)).toMatchObject({
      ok: false,
      reason: 'locked_out',
    });
    store.clock.advance(1 * MINUTE);
    expect(await login(store.ctx, 'olga', OP_PW)).toMatchObject({ ok: true });
    // A success resets the counter: four new failures do not lock.
    for (let i = 0; i < 4; i += 1)
      expect(await login(store.ctx, 'olga', 'nope')).toMatchObject({
        reason: 'invalid_credentials',
      });
    expect(await login(store.ctx, 'olga', OP_PW)).toMatchObject({ ok: true });
    expect(verifyAuditChain(store.db).ok).toBe(true);
  });

  it('lets an admin unlock a locked account', async () => {
    store = openTestStore();
    const token = await adminToken(store);
    await createOperator(store.ctx, token, {
      username: 'olga',
      displayName: 'Olga',
      role: 'operator',
      password: OP_PW,
    });
    for (let i = 0; i < 5; i += 1) await login(store.ctx, 'olga', 'wrong');
    const olgaId = (
      store.db.prepare(`SELECT operator_id FROM operators WHERE username = 'olga'`).get() as {
        operator_id: string;
      }
    ).operator_id;
    changeOperator(store.ctx, token, olgaId, { action: 'unlock' });
    expect(await login(store.ctx, 'olga', OP_PW)).toMatchObject({ ok: true });
  });

  it('answers an unknown user like a wrong password', async () => {
    store = openTestStore();
    expect(await login(store.ctx, 'ghost', 'whatever-password')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('ends a session after 15 idle minutes, and after 12 hours however active', async () => {
    store = openTestStore();
    const idle = await adminToken(store);
    store.clock.advance(14 * MINUTE);
    expect(requireSession(store.ctx, idle).operator.username).toBe('admin');
    store.clock.advance(14 * MINUTE);
    expect(requireSession(store.ctx, idle).operator.username).toBe('admin');
    store.clock.advance(15 * MINUTE);
    expect(errorCode(() => requireSession(store!.ctx, idle))).toBe('unauthenticated');

    const busy = await login(store.ctx, 'admin', ADMIN_PW);
    if (!busy.ok) throw new Error('login failed');
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      store.clock.advance(10 * MINUTE);
      expect(requireSession(store.ctx, busy.token).expiresAt).toBe(busy.session.expiresAt);
    }
    store.clock.advance(10 * MINUTE);
    expect(errorCode(() => requireSession(store!.ctx, busy.token))).toBe('unauthenticated');
  });

  it('ends a session on logout and stores only the token hash', async () => {
    store = openTestStore();
    const token = await adminToken(store);
    const stored = store.db.prepare(`SELECT token_hash FROM operator_sessions`).all() as {
      token_hash: string;
    }[];
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect(logout(store.ctx, token)).toBe(true);
    expect(errorCode(() => requireSession(store!.ctx, token))).toBe('unauthenticated');
  });
});
