// The bridge's per-connection bound on calls in flight, on a real WebSocket server on 127.0.0.1.
// The dispatcher here holds every call until released, so the bound is observed exactly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode, encode } from '@msgpack/msgpack';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocketServer } from 'ws';
import type { Dispatch } from '../../src-main/bridge/dispatcher';
import { EventHub } from '../../src-main/bridge/event-hub';
import { attachWebSocketBridge } from '../../src-main/browser-host/ws-bridge';
import { silentLogger } from '../../src-main/host/logger';
import { openBridge } from '../support/ws-client';

const TOKEN = 'a'.repeat(64);
let server: Server | undefined;
let wss: WebSocketServer | undefined;

afterEach(async () => {
  for (const client of wss?.clients ?? []) client.terminate();
  wss?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function startBridge(dispatch: Dispatch, maxCallsInFlight: number): Promise<string> {
  server = createServer();
  let port = 0;
  wss = attachWebSocketBridge({
    server,
    token: TOKEN,
    allowedHosts: () => [`127.0.0.1:${port}`],
    allowedOrigins: () => [],
    dispatch,
    hub: new EventHub(),
    logger: silentLogger,
    maxCallsInFlight,
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  return `http://127.0.0.1:${port}`;
}

describe('calls in flight per connection', () => {
  it('answers busy beyond the bound, without dispatching, and accepts calls again after', async () => {
    const held: Array<() => void> = [];
    let dispatched = 0;
    const origin = await startBridge(async () => {
      dispatched += 1;
      await new Promise<void>((resolve) => held.push(resolve));
      return { ok: true, value: {} };
    }, 4);
    const socket = await openBridge(origin, TOKEN);
    const replies = new Map<number, { ok: boolean; error?: { code: string } }>();
    socket.on('message', (raw: Buffer) => {
      const message = decode(raw) as { id: number; envelope: { ok: boolean } };
      replies.set(message.id, message.envelope);
    });
    for (let id = 1; id <= 10; id += 1)
      socket.send(encode({ kind: 'call', id, channel: 'station:status', payload: {} }));
    await expect.poll(() => replies.size).toBe(6);
    expect(dispatched).toBe(4);
    for (let id = 5; id <= 10; id += 1)
      expect(replies.get(id)).toMatchObject({ ok: false, error: { code: 'busy' } });
    for (const release of held.splice(0)) release();
    await expect.poll(() => replies.size).toBe(10);
    socket.send(encode({ kind: 'call', id: 11, channel: 'station:status', payload: {} }));
    await expect.poll(() => dispatched).toBe(5);
    for (const release of held.splice(0)) release();
    await expect.poll(() => replies.get(11)).toEqual({ ok: true, value: {} });
    socket.close();
  });
});
