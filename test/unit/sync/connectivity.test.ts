// Connectivity against real sockets on 127.0.0.1: a live server, then a closed port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConnectivityMonitor, type ConnectivityState } from '../../../src-main/sync/connectivity';

describe('connectivity monitor', () => {
  it('is offline with a plain reason when no central API is configured', async () => {
    const monitor = new ConnectivityMonitor({
      baseUrl: null,
      intervalMs: 1000,
      onChange: () => {},
    });
    expect(await monitor.probe()).toEqual({
      online: false,
      reason: 'No central API is configured',
      checkedAt: null,
    });
  });

  it('goes online on any HTTP answer and offline when the server goes away', async () => {
    const server = createServer((_request, response) => response.writeHead(403).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const changes: ConnectivityState[] = [];
    const monitor = new ConnectivityMonitor({
      baseUrl,
      intervalMs: 60_000,
      timeoutMs: 2000,
      onChange: (state) => changes.push(state),
    });

    expect((await monitor.probe()).online).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const offline = await monitor.probe();
    expect(offline.online).toBe(false);
    expect(offline.reason).toMatch(/ECONNREFUSED/);
    expect(changes.map((state) => state.online)).toEqual([true, false]);
  });
});
