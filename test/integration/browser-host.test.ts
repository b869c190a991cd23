// The browser host as a real server on 127.0.0.1: token, origin and host checks, schema
// validation before any handler runs, binary frames, and push events.
import { encode } from '@msgpack/msgpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { type BrowserHost } from '../../src-main/browser-host/browser-host';
import { syntheticJpeg, syntheticPng } from '../support/images';
import { call, nextEvent, openBridge, refusalOf, sendRaw } from '../support/ws-client';
import { startTestBrowserHost, type HostFixture } from '../support/browser-host-fixture';

let fixture: HostFixture;
let host: BrowserHost;
let bridge: WebSocket;

beforeAll(async () => {
  fixture = await startTestBrowserHost();
  host = fixture.host;
  bridge = await openBridge(host.origin, host.token);
  // Every method but signing in needs a signed-in operator (issue 11).
  const admin = await call(bridge, 'session:createFirstAdmin', {
    username: 'admin',
    displayName: 'Ada Admin',
    password: 'correct horse battery',
  });
  if (!admin.ok) throw new Error(`first admin: ${JSON.stringify(admin.error)}`);
});

afterAll(async () => {
  bridge?.close();
  await fixture?.close();
});

async function framesAnalyzed(): Promise<number> {
  const status = await call(bridge, 'station:status', {});
  return (status.value as { framesAnalyzed: number }).framesAnalyzed;
}

describe('browser host bridge access', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
  });

  it('refuses a connection without the token with a typed error', async () => {
    const refusal = await refusalOf(openBridge(host.origin, null));
    expect(refusal).toEqual({
      status: 401,
      body: { ok: false, error: { code: 'unauthorized', message: expect.any(String) } },
    });
  });

  it('refuses a wrong token of the right length', async () => {
    const refusal = await refusalOf(openBridge(host.origin, 'f'.repeat(64)));
    expect(refusal.status).toBe(401);
  });

  it('refuses a page from a foreign origin even with the token', async () => {
    const refusal = await refusalOf(
      openBridge(host.origin, host.token, { Origin: 'http://evil.example' }),
    );
    expect(refusal).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'forbidden' } },
    });
  });
});

describe('browser host contract validation', () => {
  it('answers station status', async () => {
    const status = await call(bridge, 'station:status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { version: '9.9.9', host: 'browser', engine: 'absent' },
    });
    expect(status.value).toMatchObject({
      network: { online: false, reason: 'No central API is configured' },
    });
  });

  it('rejects a payload that breaks the schema and changes nothing', async () => {
    const before = await framesAnalyzed();
    const reply = await call(bridge, 'frame:analyze', { image: 'aGVsbG8=', mime: 'image/jpeg' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('image') },
    });
    const extra = await call(bridge, 'frame:analyze', {
      image: await syntheticJpeg(),
      mime: 'image/jpeg',
      admin: true,
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await framesAnalyzed()).toBe(before);
  });

  it('rejects an unknown channel', async () => {
    expect(await call(bridge, 'store:dropEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('rejects a text frame and a malformed call without closing the socket', async () => {
    expect(await sendRaw(bridge, 'not msgpack', 0)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await sendRaw(bridge, encode({ kind: 'call', id: 77 }), 77)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await call(bridge, 'station:status', {})).toMatchObject({ ok: true });
  });
});

describe('frames across the bridge', () => {
  it('decodes a binary JPEG and reports what it received', async () => {
    const image = await syntheticJpeg(320, 240);
    const reply = await call(bridge, 'frame:analyze', { image, mime: 'image/jpeg' });
    expect(reply).toMatchObject({
      ok: true,
      value: { bytes: image.byteLength, format: 'jpeg', width: 320, height: 240, faces: null },
    });
  });

  it('decodes a PNG', async () => {
    const reply = await call(bridge, 'frame:analyze', {
      image: await syntheticPng(64, 48),
      mime: 'image/png',
    });
    expect(reply).toMatchObject({ ok: true, value: { format: 'png', width: 64, height: 48 } });
  });

  it('refuses a frame whose bytes do not match its label', async () => {
    const reply = await call(bridge, 'frame:analyze', {
      image: await syntheticPng(),
      mime: 'image/jpeg',
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('png') },
    });
  });

  it('refuses bytes that only look like a JPEG', async () => {
    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const reply = await call(bridge, 'frame:analyze', { image: fake, mime: 'image/jpeg' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'The frame could not be decoded' },
    });
  });

  it('pushes a status event after each frame', async () => {
    const event = nextEvent(bridge, 'station:statusChanged');
    const before = await framesAnalyzed();
    await call(bridge, 'frame:analyze', { image: await syntheticJpeg(), mime: 'image/jpeg' });
    expect(await event).toMatchObject({ framesAnalyzed: before + 1 });
  });
});

describe('browser host static files', () => {
  it('serves the renderer with a strict CSP', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ws://127.0.0.1:`,
    );
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and writes', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const url = new URL(host.origin);
      request(
        { host: url.hostname, port: url.port, path: '/', headers: { Host: 'attacker.example' } },
        (response) => resolve(response.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
