// Attacks on the browser host's WebSocket bridge, performed against a real host on 127.0.0.1:
// DNS rebinding, oversized messages, connection and call floods, and calls without sign-in.
import { encode } from '@msgpack/msgpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '../../src-shared/contract/frame';
import { MAX_WIRE_CALL_BYTES } from '../../src-shared/contract/wire';
import { MAX_BRIDGE_CONNECTIONS } from '../../src-main/browser-host/ws-bridge';
import {
  FIRST_ADMIN,
  startTestBrowserHost,
  type HostFixture,
} from '../support/browser-host-fixture';
import { syntheticJpeg } from '../support/images';
import { call, nextEvent, openBridge, refusalOf } from '../support/ws-client';

let fixture: HostFixture;
let admin: WebSocket;

beforeAll(async () => {
  fixture = await startTestBrowserHost();
  admin = await openBridge(fixture.host.origin, fixture.host.token);
  const created = await call(admin, 'session:createFirstAdmin', FIRST_ADMIN);
  if (!created.ok) throw new Error(`first admin: ${JSON.stringify(created.error)}`);
  // A second account for the other connections: signing in again ends an account's earlier
  // session, so re-using the admin's credentials would sign the admin connection out.
  const desk = await call(admin, 'operators:create', { ...DESK, role: 'operator' });
  if (!desk.ok) throw new Error(`desk account: ${JSON.stringify(desk.error)}`);
});

const DESK = { username: 'desk', displayName: 'Desk Operator', password: 'desk password 12' };

afterAll(async () => {
  admin?.close();
  await fixture?.close();
});

async function framesAnalyzed(): Promise<number> {
  const status = await call(admin, 'station:status', {});
  if (!status.ok) throw new Error(`station:status: ${JSON.stringify(status.error)}`);
  return (status.value as { framesAnalyzed: number }).framesAnalyzed;
}

function closeCodeOf(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('WebSocket upgrade attacks', () => {
  it('attack: foreign Host on the WebSocket upgrade', async () => {
    // DNS rebinding: attacker.example now resolves to 127.0.0.1; even holding the token (a
    // leaked address), the upgrade must not be served to that name.
    for (const headers of <Record<string, string>[]>[
      { Host: 'attacker.example' },
      { Host: `attacker.example:${new URL(fixture.host.origin).port}` },
      { Host: 'attacker.example', Origin: 'http://attacker.example' },
    ]) {
      const refusal = await refusalOf(openBridge(fixture.host.origin, fixture.host.token, headers));
      expect(refusal, JSON.stringify(headers)).toEqual({
        status: 421,
        body: { ok: false, error: { code: 'forbidden', message: expect.any(String) } },
      });
    }
  });

  it('attack: too many WebSocket connections', async () => {
    const open: WebSocket[] = [admin];
    while (open.length < MAX_BRIDGE_CONNECTIONS)
      open.push(await openBridge(fixture.host.origin, fixture.host.token));
    const refusal = await refusalOf(openBridge(fixture.host.origin, fixture.host.token));
    expect(refusal).toMatchObject({ status: 503, body: { ok: false, error: { code: 'busy' } } });
    // Closing one frees its place: the cap is on open sockets, not a lifetime count.
    const last = open.pop()!;
    const closed = closeCodeOf(last);
    last.close();
    await closed;
    const again = await openBridge(fixture.host.origin, fixture.host.token);
    expect(await call(again, 'session:current', {})).toMatchObject({ ok: true });
    again.close();
    for (const socket of open.slice(1)) socket.close();
  });
});

describe('message attacks', () => {
  it('attack: oversized frame', async () => {
    const before = await framesAnalyzed();
    const attacker = await openBridge(fixture.host.origin, fixture.host.token);
    await call(attacker, 'session:signIn', {
      username: DESK.username,
      password: DESK.password,
    });
    const replies: unknown[] = [];
    attacker.on('message', (data) => replies.push(data));
    const closed = closeCodeOf(attacker);
    // A frame just over what the contract allows, framed as a valid call.
    const image = new Uint8Array(MAX_FRAME_BYTES + 32 * 1024);
    image.set([0xff, 0xd8, 0xff]);
    const message = encode({
      kind: 'call',
      id: 1,
      channel: 'frame:analyze',
      payload: { image, mime: 'image/jpeg' },
    });
    expect(message.byteLength).toBeGreaterThan(MAX_WIRE_CALL_BYTES);
    attacker.send(message);
    // Refused while receiving (1009: message too big): never decoded, never answered.
    expect(await closed).toBe(1009);
    expect(replies).toEqual([]);
    expect(await framesAnalyzed()).toBe(before);
    // The largest frame the contract allows still goes through on a fresh connection.
    const desk = await openBridge(fixture.host.origin, fixture.host.token);
    await call(desk, 'session:signIn', {
      username: DESK.username,
      password: DESK.password,
    });
    const jpeg = await syntheticJpeg(64, 64);
    const padded = new Uint8Array(MAX_FRAME_BYTES);
    padded.set(jpeg);
    const answer = await call(desk, 'frame:analyze', { image: padded, mime: 'image/jpeg' });
    expect(answer).toMatchObject({ ok: true, value: { bytes: MAX_FRAME_BYTES, width: 64 } });
    expect(desk.readyState).toBe(desk.OPEN);
    desk.close();
  });
});

describe('calls without a signed-in operator', () => {
  it('attack: frame:analyze without sign-in', async () => {
    const before = await framesAnalyzed();
    const stranger = await openBridge(fixture.host.origin, fixture.host.token);
    const answer = await call(stranger, 'frame:analyze', {
      image: await syntheticJpeg(),
      mime: 'image/jpeg',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(answer.value).toBeUndefined();
    expect(await framesAnalyzed()).toBe(before);
    stranger.close();
  });

  it('attack: station:status without sign-in', async () => {
    const stranger = await openBridge(fixture.host.origin, fixture.host.token);
    const answer = await call(stranger, 'station:status', {});
    expect(answer).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Sign in first' },
    });
    // Signing out ends access on that connection too.
    await call(stranger, 'session:signIn', {
      username: DESK.username,
      password: DESK.password,
    });
    expect(await call(stranger, 'station:status', {})).toMatchObject({ ok: true });
    await call(stranger, 'session:signOut', {});
    expect(await call(stranger, 'station:status', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    stranger.close();
  });

  it('attack: status events to a connection without sign-in', async () => {
    const stranger = await openBridge(fixture.host.origin, fixture.host.token);
    const seenByStranger: unknown[] = [];
    stranger.on('message', (raw) => seenByStranger.push(raw));
    const seenByAdmin = nextEvent(admin, 'station:statusChanged');
    // A status change (one more frame analysed) is pushed to signed-in windows only.
    await call(admin, 'frame:analyze', { image: await syntheticJpeg(), mime: 'image/jpeg' });
    expect(await seenByAdmin).toMatchObject({ framesAnalyzed: expect.any(Number) });
    // The stranger's socket is still open and answers, so an event would have arrived by now.
    expect(await call(stranger, 'session:current', {})).toMatchObject({ ok: true });
    expect(seenByStranger).toHaveLength(1);
    stranger.close();
  });
});
