// Attacks on operator accounts and sessions, against a real browser host, a real SQLite store and
// the real WebSocket bridge: a disabled or revoked operator's open connection, a session left open
// elsewhere, the lock-out message as an account oracle, short passwords, and a storm of bad
// sign-ins that used to hold the store worker's queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import {
  ADMIN,
  credentials,
  startSecurityStation,
  type SecurityStation,
} from '../support/security/station';
import { call } from '../support/ws-client';

let station: SecurityStation;
let ids: Record<string, string>;
let admin: WebSocket;

const OLGA = {
  username: 'olga',
  displayName: 'Olga',
  role: 'operator',
  password: 'olga password 1',
} as const;
const PETE = {
  username: 'pete',
  displayName: 'Pete',
  role: 'operator',
  password: 'pete password 1',
} as const;
const LENA = {
  username: 'lena',
  displayName: 'Lena',
  role: 'operator',
  password: 'lena password 1',
} as const;
const SHORT = 'elevenchars';

beforeAll(async () => {
  station = await startSecurityStation('operators');
  ids = await station.createAccounts([OLGA, PETE, LENA]);
  admin = await station.signedIn(ADMIN);
});

afterAll(async () => station?.close());

const unauthorized = { ok: false, error: { code: 'unauthorized' } };

describe('operators and sessions', () => {
  it("attack: disabled operator's session", async () => {
    const desk = await station.signedIn(OLGA);
    expect(await call(desk, 'results:search', { limit: 5 })).toMatchObject({ ok: true });
    expect(await call(admin, 'operators:disable', { operatorId: ids.olga })).toEqual({
      ok: true,
      value: {},
    });
    // The connection opened before the disable gets `unauthorized` on its very next call.
    expect(await call(desk, 'results:search', { limit: 5 })).toMatchObject(unauthorized);
    expect(await call(desk, 'session:current', {})).toMatchObject({ value: { session: null } });
    // And the account cannot sign in again, until an admin enables it.
    const again = await station.connect();
    expect(await call(again, 'session:signIn', credentials(OLGA))).toMatchObject(unauthorized);
    expect(await call(admin, 'operators:enable', { operatorId: ids.olga })).toMatchObject({
      ok: true,
    });
    expect(await call(await station.connect(), 'session:signIn', credentials(OLGA))).toMatchObject({
      ok: true,
    });
  });

  it('attack: revoked operator sessions', async () => {
    const desk = await station.signedIn(PETE);
    expect(await call(admin, 'operators:revokeSessions', { operatorId: ids.pete })).toMatchObject({
      ok: true,
    });
    expect(await call(desk, 'results:search', { limit: 5 })).toMatchObject(unauthorized);
    // An operator cannot revoke or disable anyone.
    const other = await station.signedIn(PETE);
    for (const channel of ['operators:revokeSessions', 'operators:disable', 'operators:unlock'])
      expect(await call(other, channel, { operatorId: ids.lena })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
  });

  it('attack: session left open after signing in again', async () => {
    const first = await station.signedIn(LENA);
    const second = await station.signedIn(LENA);
    expect(await call(first, 'results:search', { limit: 5 })).toMatchObject(unauthorized);
    expect(await call(second, 'results:search', { limit: 5 })).toMatchObject({ ok: true });
  });

  it('attack: lock-out message revealing an account', async () => {
    // From fresh connections, so that only the account's lock-out (not a connection's back-off)
    // is what answers.
    const attempt = async (username: string, password: string) =>
      call(await station.connect(), 'session:signIn', { username, password });
    for (let i = 0; i < 5; i += 1) await attempt(PETE.username, `wrong password ${i}`);
    for (let i = 0; i < 5; i += 1) await attempt('nobody-here', `wrong password ${i}`);
    const locked = await attempt(PETE.username, PETE.password);
    const unknown = await attempt('nobody-here', PETE.password);
    const disabled = await (async () => {
      await call(admin, 'operators:disable', { operatorId: ids.lena });
      return attempt(LENA.username, LENA.password);
    })();
    expect(locked).toMatchObject(unauthorized);
    // The locked, the unknown and the disabled account answer in exactly the same words.
    expect(unknown).toEqual(locked);
    expect(disabled).toEqual(locked);
    expect(JSON.stringify(locked)).not.toMatch(/until|\d{4}-\d{2}-\d{2}/);
    await call(admin, 'operators:enable', { operatorId: ids.lena });
    expect(await call(admin, 'operators:unlock', { operatorId: ids.pete })).toMatchObject({
      ok: true,
    });
    expect(await attempt(PETE.username, PETE.password)).toMatchObject({ ok: true });
  });

  it('attack: password under 12 characters', async () => {
    expect(
      await call(admin, 'operators:create', { ...OLGA, username: 'shorty', password: SHORT }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(
      await call(admin, 'operators:resetPassword', { operatorId: ids.lena, password: SHORT }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const lena = await station.signedIn(LENA);
    expect(
      await call(lena, 'operators:changeOwnPassword', {
        currentPassword: LENA.password,
        newPassword: SHORT,
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // None of them took: the short password opens nothing, the old one still works.
    expect(
      await call(await station.connect(), 'session:signIn', {
        username: 'shorty',
        password: SHORT,
      }),
    ).toMatchObject(unauthorized);
    expect(
      await call(await station.connect(), 'session:signIn', {
        username: LENA.username,
        password: SHORT,
      }),
    ).toMatchObject(unauthorized);
    expect(await call(await station.connect(), 'session:signIn', credentials(LENA))).toMatchObject({
      ok: true,
    });
  });

  it('changes passwords: an admin resets one (ending its sessions), an operator changes their own', async () => {
    const lena = await station.signedIn(LENA);
    const reset = 'a reset password 1';
    expect(
      await call(admin, 'operators:resetPassword', { operatorId: ids.lena, password: reset }),
    ).toMatchObject({ ok: true });
    expect(await call(lena, 'results:search', { limit: 1 })).toMatchObject(unauthorized);
    const again = await station.signedIn({ username: LENA.username, password: reset });
    expect(
      await call(again, 'operators:changeOwnPassword', {
        currentPassword: 'not my password',
        newPassword: 'my own password 1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await call(again, 'operators:changeOwnPassword', {
        currentPassword: reset,
        newPassword: 'my own password 1',
      }),
    ).toEqual({ ok: true, value: {} });
    // The session that changed it stays; the new password signs in, the reset one no longer does.
    expect(await call(again, 'results:search', { limit: 1 })).toMatchObject({ ok: true });
    expect(
      await call(await station.connect(), 'session:signIn', {
        username: LENA.username,
        password: reset,
      }),
    ).toMatchObject(unauthorized);
    await station.signedIn({ username: LENA.username, password: 'my own password 1' });
    // An admin cannot lock themselves out of the station.
    const listed = (await call(admin, 'operators:list', {})).value as {
      operators: { operatorId: string; username: string }[];
    };
    const adminId = listed.operators.find((o) => o.username === ADMIN.username)?.operatorId;
    for (const channel of ['operators:disable', 'operators:changeRole'])
      expect(await call(admin, channel, { operatorId: adminId, role: 'operator' })).toMatchObject({
        ok: false,
      });
    expect(await call(admin, 'results:search', { limit: 1 })).toMatchObject({ ok: true });
  });

  it('attack: parallel bad sign-ins', async () => {
    const doors = await Promise.all(Array.from({ length: 50 }, () => station.connect()));
    const order: string[] = [];
    const storm = doors.map(async (door, i) => {
      const answer = await call(door, 'session:signIn', {
        username: i % 2 === 0 ? OLGA.username : `ghost-${i}`,
        password: `bad password ${i}`,
      });
      order.push(answer.error?.code === 'busy' ? 'busy' : 'checked');
      return answer;
    });
    // A store read sent after the whole storm: it is answered while scrypt checks still run,
    // because none of them sits in the store worker's queue any more.
    const read = call(admin, 'results:search', { limit: 5 }).then((answer) => {
      order.push('read');
      return answer;
    });
    const answers = await Promise.all(storm);
    expect(await read).toMatchObject({ ok: true });
    expect(answers.every((answer) => !answer.ok)).toBe(true);
    // Throttled: only a few checks are admitted at once; the rest are refused at once as `busy`.
    const busy = answers.filter((answer) => answer.error?.code === 'busy').length;
    expect(busy).toBeGreaterThanOrEqual(30);
    expect(answers.filter((answer) => answer.error?.code === 'unauthorized').length).toBe(
      50 - busy,
    );
    expect(order.indexOf('read')).toBeLessThan(order.lastIndexOf('checked'));
  });
});
