import { describe, expect, it } from 'vitest';
import { BridgeError, failure, type Envelope } from '../../../src-shared/contract/envelope';
import type { EventChannel, MethodChannel } from '../../../src-shared/contract/channels';
import { createStationClient } from './client';
import type { BridgeTransport } from './transport';

function fakeTransport(answer: (channel: MethodChannel, payload: unknown) => Envelope<unknown>) {
  const calls: [MethodChannel, unknown][] = [];
  const listeners = new Map<EventChannel, (payload: unknown) => void>();
  const transport: BridgeTransport = {
    kind: 'websocket',
    call: async (channel, payload) => {
      calls.push([channel, payload]);
      return answer(channel, payload);
    },
    subscribe: (channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  };
  return { transport, calls, listeners };
}

const status = {
  version: '1.2.3',
  host: 'browser',
  backend: 'wasm',
  engine: 'ready',
  network: { online: true, reason: null, checkedAt: '2026-01-01T00:00:00.000Z' },
  framesAnalyzed: 3,
  stationId: 'station-1',
  demo: false,
  warnings: [],
};

describe('typed station client', () => {
  it('maps client.domain.verb to the contract channel', async () => {
    const { transport, calls } = fakeTransport(() => ({ ok: true, value: status }));
    const { client } = createStationClient(transport);
    expect(await client.station.status({})).toEqual(status);
    expect(calls).toEqual([['station:status', {}]]);
  });

  it('turns an error envelope into a BridgeError with its code', async () => {
    const { transport } = fakeTransport(() => failure('busy', 'queue full'));
    const { client } = createStationClient(transport);
    await expect(client.station.status({})).rejects.toEqual(new BridgeError('busy', 'queue full'));
  });

  it('rejects an answer outside the contract', async () => {
    const { transport } = fakeTransport(() => ({ ok: true, value: { ...status, version: 42 } }));
    const { client } = createStationClient(transport);
    await expect(client.station.status({})).rejects.toThrow();
  });

  it('delivers only events that match their schema', () => {
    const { transport, listeners } = fakeTransport(() => failure('internal', 'unused'));
    const { on } = createStationClient(transport);
    const seen: unknown[] = [];
    on.station.statusChanged((payload) => seen.push(payload));
    listeners.get('station:statusChanged')?.({ bogus: true });
    listeners.get('station:statusChanged')?.(status);
    expect(seen).toEqual([status]);
  });

  it('reports a lost session on any unauthorized answer, but not on refused credentials', async () => {
    const { transport } = fakeTransport(() => failure('unauthorized', 'Sign in first'));
    let lost = 0;
    const { client } = createStationClient(transport, { onSessionLost: () => (lost += 1) });
    await expect(client.results.search({ limit: 5 })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(lost).toBe(1);
    await expect(client.session.signIn({ username: 'a', password: 'b' })).rejects.toThrow();
    expect(lost).toBe(1);
    const forbidden = fakeTransport(() => failure('forbidden', 'no'));
    const other = createStationClient(forbidden.transport, { onSessionLost: () => (lost += 1) });
    await expect(other.client.results.search({ limit: 5 })).rejects.toThrow();
    expect(lost).toBe(1);
  });
});
