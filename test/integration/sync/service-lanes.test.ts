// The running service: start() delivers on its own after nudge(); offline it makes no request
// beyond the connectivity probe (no busy loop) and resumes when the API comes back; stop()
// ends both lanes. Real HTTP on 127.0.0.1 and a real store file.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { StoreClient } from '../../../src-main/store/client';
import { ConnectivityMonitor } from '../../../src-main/sync/connectivity';
import { SyncService } from '../../../src-main/sync/sync-service';
import type { SyncServiceOptions } from '../../../src-main/sync/sync-options';
import type { SyncStatus } from '../../../src-main/sync/sync-status';
import { openStation, recordResults } from '../../../scripts/sync/station-fixtures';
import { ManualClock } from '../../support/manual-clock';
import { SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';
import { useTempDir } from '../../support/temp-dir';

const STATION = 'station-lanes';
const tempDir = useTempDir('faceauth-sync-lanes-');
let store: StoreClient;
let sim: ArgosSimulator | null = null;

beforeEach(async () => {
  store = await openStation(tempDir(), STATION);
});
afterEach(async () => {
  await store.close();
  await sim?.close();
  sim = null;
});

/** Waits for a condition the service reaches on its own (polled, never a fixed sleep). */
async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  await vi.waitFor(async () => expect(await check()).toBe(true), { timeout, interval: 50 });
}

function service(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  extra: Partial<SyncServiceOptions> = {},
): SyncService {
  return new SyncService({
    store,
    stationId: STATION,
    api: { baseUrl, ...SIM_KEYS, timeoutMs: 3000 },
    enroller: null,
    policy: TEST_POLICY,
    idleMs: 100,
    connectivityIntervalMs: 200,
    push: { graceMs: 0 },
    backoff: { baseMs: 20, capMs: 200 },
    fetchImpl,
    ...extra,
  });
}

describe('sync service lanes', () => {
  it('delivers on its own, reports status, and stops', async () => {
    sim = new ArgosSimulator(SIM_KEYS);
    await sim.start();
    sim.addSubmission({ submission_id: 'sub-a' });
    const sync = service(sim.url);
    const statuses: SyncStatus[] = [];
    sync.on('status', (s) => statuses.push(s));
    sync.start();
    await recordResults(store, 4, ['sub-a']);
    sync.nudge();
    await until(async () => (await store.send('sync:counts', {})).unsyncedResults === 0);
    await until(async () => sync.status().lastSuccessfulSyncAt !== null);
    expect(sim.state.records).toHaveLength(4);
    expect(statuses.some((s) => s.online)).toBe(true);
    await sync.stop();
    expect(sync.status()).toMatchObject({ state: 'stopped', queue: { unsyncedResults: 0 } });
    // A new service (an app restart) shows when the station last synced.
    const restarted = service(sim.url);
    expect((await restarted.refreshStatus()).lastSuccessfulSyncAt).toBe(
      sync.status().lastSuccessfulSyncAt,
    );
  });

  it('waits quietly while offline and resumes when the API is back', async () => {
    const probe = new ArgosSimulator(SIM_KEYS);
    await probe.start();
    const url = probe.url;
    const port = Number(new URL(url).port);
    await probe.close();
    const requests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    await recordResults(store, 3, ['sub-a']);
    // The station's one monitor and the lanes' waits run on a manual clock: the test moves time.
    const clock = new ManualClock();
    const monitor = new ConnectivityMonitor({
      baseUrl: url,
      intervalMs: INTERVAL_MS,
      fetchImpl: counting,
      clock,
    });
    const sync = service(url, counting, { connectivity: monitor, timers: clock });
    sync.start();
    monitor.start();
    await vi.waitFor(() => expect(sync.status()).toMatchObject({ state: 'offline' }));
    expect(sync.status().reason).toMatch(/unreachable/);
    // Ten intervals offline: one probe every two intervals (the monitor backs off while
    // offline), and nothing else goes out: no retry storm, no busy loop.
    await nextProbeScheduled(clock, 1, requests);
    for (let probe = 2; probe <= 6; probe += 1) {
      clock.advance(2 * INTERVAL_MS);
      await nextProbeScheduled(clock, probe, requests);
    }
    expect(requests).toHaveLength(6);
    expect(requests.every((r) => r.startsWith('HEAD'))).toBe(true);
    sim = new ArgosSimulator({ ...SIM_KEYS, port });
    await sim.start();
    sim.addSubmission({ submission_id: 'sub-a' });
    clock.advance(2 * INTERVAL_MS);
    await until(async () => (await store.send('sync:counts', {})).unsyncedResults === 0);
    expect(sim.state.records).toHaveLength(3);
    monitor.stop();
    await sync.stop();
  });
});

const INTERVAL_MS = 250;

/** The monitor has made `probes` probes and set the timer for the next one (2 intervals out). */
async function nextProbeScheduled(clock: ManualClock, probes: number, requests: string[]) {
  await vi.waitFor(() => {
    expect(requests).toHaveLength(probes);
    expect(clock.hasTimerAt(clock.now() + 2 * INTERVAL_MS)).toBe(true);
  });
}
