// The sign-in gate's throttle, with an injected clock and a real store context behind a
// stand-in `send` that runs the real login steps (no worker needed): per-connection back-off,
// one attempt in flight per connection, a station-wide cap on checks running or waiting, and a
// station-wide cap on failures per minute. Throttled answers never run scrypt.
import { afterEach, describe, expect, it } from 'vitest';
import {
  beginLogin,
  finishLogin,
  type LoginAttempt,
} from '../../../src-main/operators/login-steps';
import { bootstrapAdmin } from '../../../src-main/operators/service';
import { SignInGate } from '../../../src-main/operators/sign-in-gate';
import type { StoreClient } from '../../../src-main/store/client';
import { openTestStore, type TestStore } from '../../support/store/context';

let store: TestStore | undefined;
afterEach(() => store?.close());

const PASSWORD = 'admin password 1';

async function gateOn(s: TestStore, options: ConstructorParameters<typeof SignInGate>[1] = {}) {
  await bootstrapAdmin(s.ctx, { username: 'admin', displayName: 'A', password: PASSWORD });
  let storeCalls = 0;
  const send = (async (method: string, args: unknown) => {
    storeCalls += 1;
    if (method === 'operators:loginBegin')
      return beginLogin(s.ctx, (args as { username: string }).username);
    if (method === 'operators:loginFinish') return finishLogin(s.ctx, args as LoginAttempt);
    throw new Error(`unexpected ${method}`);
  }) as StoreClient['send'];
  const gate = new SignInGate(send, { clock: () => s.clock.now, ...options });
  return { gate, storeCalls: () => storeCalls };
}

describe('sign-in gate', () => {
  it('backs a connection off exponentially after 3 free failures, without hashing', async () => {
    store = openTestStore({ policy: { maxFailedAttempts: 100 } });
    const { gate, storeCalls } = await gateOn(store);
    for (let i = 0; i < 3; i += 1)
      expect(await gate.signIn('c1', 'admin', 'wrong', 'session')).toMatchObject({
        reason: 'invalid_credentials',
      });
    const calls = storeCalls();
    expect(await gate.signIn('c1', 'admin', PASSWORD, 'session')).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMs: 1_000,
    });
    expect(storeCalls()).toBe(calls);
    // Another connection is not slowed by c1's failures.
    expect(await gate.signIn('c2', 'admin', PASSWORD, 'session')).toMatchObject({ ok: true });
    store.clock.advance(1_000);
    expect(await gate.signIn('c1', 'admin', 'wrong', 'session')).toMatchObject({ ok: false });
    // The fourth failure doubles the wait.
    expect(await gate.signIn('c1', 'admin', PASSWORD, 'session')).toMatchObject({
      retryAfterMs: 2_000,
    });
    store.clock.advance(2_000);
    expect(await gate.signIn('c1', 'admin', PASSWORD, 'session')).toMatchObject({ ok: true });
  });

  it('admits one attempt per connection at a time and caps checks station-wide', async () => {
    store = openTestStore();
    const { gate } = await gateOn(store, { maxConcurrent: 1, maxWaiting: 2 });
    const same = [
      gate.signIn('c1', 'admin', 'wrong', 'session'),
      gate.signIn('c1', 'admin', 'wrong', 'session'),
    ];
    expect(await same[1]).toMatchObject({ ok: false, reason: 'throttled' });
    await same[0];
    const many = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gate.signIn(`d${i}`, 'nobody', 'wrong', 'session')),
    );
    const throttled = many.filter((o) => !o.ok && o.reason === 'throttled').length;
    // One running and two waiting are admitted; the other seven are refused at once.
    expect(throttled).toBe(7);
  });

  it('stops every sign-in for a while after too many failures station-wide', async () => {
    store = openTestStore({ policy: { maxFailedAttempts: 100 } });
    const { gate } = await gateOn(store, { maxFailuresPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) await gate.signIn(`x${i}`, 'admin', 'wrong', 'session');
    expect(await gate.signIn('fresh', 'admin', PASSWORD, 'session')).toMatchObject({
      reason: 'throttled',
    });
    store.clock.advance(60_000);
    expect(await gate.signIn('fresh', 'admin', PASSWORD, 'session')).toMatchObject({ ok: true });
  });
});
