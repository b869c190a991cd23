// The running service: start() delivers on its own after nudge(); offline it makes no request
// beyond the connectivity probe (no busy loop) and resumes when the API comes back; stop()
// ends both lanes. Real HTTP on 127.0.0.1 and a real store file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { StoreClient } from '../../../src-main/store/client';
import { SyncService } from '../../../src-main/sync/sync-service';
import type { SyncStatus } from '../../../src-main/sync/sync-status';
import { openStation, recordResults } from '../../../scripts/sync/station-fixtures';
import { SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';

const STATION = 'station-lanes';
let store: StoreClient;
let dir: string;
let sim: ArgosSimulator | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-sync-lanes-'));
  store = await openStation(dir, STATION);
});
afterEach(async () => {
  await store.close();
  await sim?.close();
  sim = null;
  rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function service(baseUrl: string, fetchImpl: typeof fetch = fetch): SyncService {
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
    const sync = service(url, counting);
    sync.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sync.status()).toMatchObject({ state: 'offline', online: false });
    expect(sync.status().reason).toMatch(/unreachable/);
    // Only connectivity probes (HEAD), a few per second at most: no retry storm, no busy loop.
    expect(requests.every((r) => r.startsWith('HEAD'))).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(6);
    sim = new ArgosSimulator({ ...SIM_KEYS, port });
    await sim.start();
    sim.addSubmission({ submission_id: 'sub-a' });
    await until(async () => (await store.send('sync:counts', {})).unsyncedResults === 0);
    expect(sim.state.records).toHaveLength(3);
    await sync.stop();
  });
});
