import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src-main/bridge/dispatcher';
import { newConnection, type Handlers } from '../../../src-main/bridge/handlers';
import { silentLogger } from '../../../src-main/host/logger';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { METHOD_CHANNELS } from '../../../src-shared/contract/channels';
import type { StationStatus } from '../../../src-shared/contract/station';

const status: StationStatus = {
  version: '1.0.0',
  host: 'browser',
  backend: null,
  engine: 'absent',
  network: { online: false, reason: 'x', checkedAt: null },
  framesAnalyzed: 0,
  stationId: 'station-1',
  demo: false,
  warnings: [],
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  // Channels these tests do not call fail loudly if the dispatcher ever routed to them.
  const unused = Object.fromEntries(
    METHOD_CHANNELS.map((channel) => [
      channel,
      async () => Promise.reject(new Error(`unexpected ${channel}`)),
    ]),
  ) as unknown as Handlers;
  return {
    ...unused,
    'station:status': vi.fn(async () => status),
    'frame:analyze': vi.fn(async () => ({
      bytes: 1,
      format: 'jpeg' as const,
      width: 1,
      height: 1,
      faces: null,
      guidance: null,
      processingMs: 0,
    })),
    ...overrides,
  };
}

const context = { transport: 'test' as const, connection: newConnection() };

describe('dispatcher', () => {
  it('runs the handler for a valid request and wraps its answer', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger);
    expect(await dispatch('station:status', {}, context)).toEqual({ ok: true, value: status });
  });

  it('never runs a handler for a payload that breaks the schema', async () => {
    const all = handlers();
    const dispatch = createDispatcher(all, silentLogger);
    for (const payload of [
      undefined,
      null,
      'x',
      { image: [1, 2, 3], mime: 'image/jpeg' },
      { image: new Uint8Array(0), mime: 'image/jpeg' },
      { image: new Uint8Array(4), mime: 'image/gif' },
    ]) {
      const envelope = await dispatch('frame:analyze', payload, context);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(all['frame:analyze']).not.toHaveBeenCalled();
  });

  it('refuses a channel outside the contract', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger);
    for (const channel of ['nope', 'station:statusX', '__proto__', 42, null]) {
      expect(await dispatch(channel, {}, context)).toMatchObject({
        ok: false,
        error: { code: 'unknown_method' },
      });
    }
  });

  it('keeps a handler BridgeError code and hides other faults', async () => {
    const busy = createDispatcher(
      handlers({
        'station:status': async () => {
          throw new BridgeError('busy', 'queue full');
        },
      }),
      silentLogger,
    );
    expect(await busy('station:status', {}, context)).toEqual({
      ok: false,
      error: { code: 'busy', message: 'queue full' },
    });
    const crash = createDispatcher(
      handlers({
        'station:status': async () => {
          throw new Error('secret path /etc/x');
        },
      }),
      silentLogger,
    );
    const envelope = await crash('station:status', {}, context);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('/etc/x');
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const broken = createDispatcher(
      handlers({ 'station:status': async () => ({ ...status, host: 'mainframe' }) as never }),
      silentLogger,
    );
    expect(await broken('station:status', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
