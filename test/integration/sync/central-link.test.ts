// CentralLink owns the station's one connectivity monitor: against a real HTTP server on
// 127.0.0.1, one probe per interval reaches the server (sync does not probe on its own), and
// the sync service and the status bar's reporter see the same state, online and offline.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../src-main/bridge/event-hub';
import type { StoreClient } from '../../../src-main/store/client';
import { CentralLink, type DemoSwitch } from '../../../src-main/sync/central-link';
import type { ConnectivityState } from '../../../src-main/sync/connectivity';
import { openStation } from '../../../scripts/sync/station-fixtures';
import { ManualClock } from '../../support/manual-clock';
import { SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';
import { useTempDir } from '../../support/temp-dir';

const INTERVAL_MS = 15_000;
const tempDir = useTempDir('faceauth-central-link-');
const noDemo: DemoSwitch = {
  active: () => false,
  enter: () => Promise.resolve({ entered: false, reason: null }),
  leave: () => Promise.resolve(),
};
let store: StoreClient;
let server: Server;
let probes: number;
let link: CentralLink | null = null;

beforeEach(async () => {
  store = await openStation(tempDir(), 'station-link');
  probes = 0;
  server = createServer((request, response) => {
    if (request.method === 'HEAD') probes += 1;
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await link?.close();
  link = null;
  await store.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function startLink(clock: ManualClock, seen: ConnectivityState[]): CentralLink {
  const port = (server.address() as AddressInfo).port;
  return new CentralLink({
    store,
    stationId: 'station-link',
    environment: { centralBaseUrl: `http://127.0.0.1:${port}`, ...SIM_KEYS },
    demo: noDemo,
    hub: new EventHub(),
    observer: { warnings: () => {}, network: (state) => seen.push(state) },
    connectivityIntervalMs: INTERVAL_MS,
    enroller: null,
    policy: TEST_POLICY,
    log: { info: () => {}, warn: () => {} },
    clock,
  });
}

/** The next probe's timer is set once the previous probe has answered. */
async function probeSettled(clock: ManualClock, expected: number): Promise<void> {
  await vi.waitFor(() => {
    expect(probes).toBe(expected);
    expect(clock.pending()).toBe(1);
  });
}

describe('central link', () => {
  it('probes once per interval and gives sync and the status bar one answer', async () => {
    const clock = new ManualClock();
    const seen: ConnectivityState[] = [];
    link = startLink(clock, seen);
    await link.connect();
    await probeSettled(clock, 1);
    const reporter = link.reporter;
    await vi.waitFor(async () => expect((await reporter.current()).online).toBe(true));

    for (let interval = 2; interval <= 4; interval += 1) {
      clock.advance(INTERVAL_MS);
      await probeSettled(clock, interval);
    }
    expect(probes).toBe(4);
    expect(link.connectivity().current().online).toBe(true);
    expect((await reporter.current()).online).toBe(true);

    // The server goes away: the next probe turns both readers offline, with the same reason.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clock.advance(INTERVAL_MS);
    await vi.waitFor(() => expect(link?.connectivity().current().online).toBe(false));
    const status = await reporter.current();
    expect(status.online).toBe(false);
    expect(status.lastError).toBe(link.connectivity().current().reason);
    expect(seen.at(-1)?.online).toBe(false);
    server.listen(0, '127.0.0.1');
  });

  it('retargets the one monitor when settings change the endpoint, without a second prober', async () => {
    const clock = new ManualClock();
    link = startLink(clock, []);
    await link.connect();
    await probeSettled(clock, 1);
    await link.connect();
    await probeSettled(clock, 2);
    clock.advance(INTERVAL_MS);
    await probeSettled(clock, 3);
    expect(link.endpoint()?.source).toBe('environment');
  });
});
