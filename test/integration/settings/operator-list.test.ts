// The admin's account list over the real bridge: last sign-in (from the audit log) and the
// lock-out's end, as ISO times the console shows in local time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIRST_ADMIN,
  startTestBrowserHost,
  type HostFixture,
} from '../../support/browser-host-fixture';
import { call, openBridge } from '../../support/ws-client';

let fixture: HostFixture;
const DESK = {
  username: 'desk1',
  displayName: 'Dana',
  role: 'operator',
  password: 'desk password 12',
};
const NEW = {
  username: 'new1',
  displayName: 'Nia',
  role: 'operator',
  password: 'new password 123',
};

beforeAll(async () => {
  fixture = await startTestBrowserHost();
});
afterAll(async () => fixture?.close());

describe('operator list', () => {
  it('shows the last desk sign-in and the end of a lock-out', async () => {
    const admin = await openBridge(fixture.host.origin, fixture.host.token);
    await call(admin, 'session:createFirstAdmin', FIRST_ADMIN);
    await call(admin, 'operators:create', DESK);
    await call(admin, 'operators:create', NEW);
    const desk = await openBridge(fixture.host.origin, fixture.host.token);
    const before = Date.now();
    await call(desk, 'session:signIn', { username: DESK.username, password: DESK.password });
    // Wrong passwords until the account locks (the trust issue's lock-out), each from a fresh
    // connection: one connection's own back-off would answer `busy` first (sign-in-gate.ts).
    for (let attempt = 0; attempt < 5; attempt++) {
      const door = await openBridge(fixture.host.origin, fixture.host.token);
      await call(door, 'session:signIn', { username: NEW.username, password: 'wrong password 1' });
      door.close();
    }
    const listed = await call(admin, 'operators:list', {});
    if (!listed.ok) throw new Error(JSON.stringify(listed));
    const { operators } = listed.value as {
      operators: {
        username: string;
        lastSignInAt: string | null;
        lockedUntil: string | null;
        locked: boolean;
      }[];
    };
    const row = (name: string) => operators.find((operator) => operator.username === name);
    expect(Date.parse(row('desk1')?.lastSignInAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(row('new1')).toMatchObject({ lastSignInAt: null, locked: true });
    expect(Date.parse(row('new1')?.lockedUntil ?? '')).toBeGreaterThan(Date.now());
    expect(row('desk1')?.lockedUntil).toBeNull();
    admin.close();
    desk.close();
  });
});
