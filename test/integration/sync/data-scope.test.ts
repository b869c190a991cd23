// Demo mode's sync (scope 'demo') sends only DEMO items to the local simulator and leaves real
// ones queued, untouched by the simulator's refusals; a real sync (scope 'real') parks DEMO
// items. Real store file, real simulator on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { StoreClient } from '../../../src-main/store/client';
import type { DataScope } from '../../../src-main/sync/data-scope';
import { SyncService } from '../../../src-main/sync/sync-service';
import { openStation, recordResults } from '../../../scripts/sync/station-fixtures';
import { SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';

let sim: ArgosSimulator;
let store: StoreClient;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-scope-'));
  sim = new ArgosSimulator(SIM_KEYS);
  await sim.start();
  sim.addSubmission({ submission_id: 'DEMO-00AA11BB' });
  store = await openStation(dir, 'station-scope');
});
afterEach(async () => {
  await store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(dataScope: DataScope): SyncService {
  return new SyncService({
    store,
    stationId: 'station-scope',
    api: { baseUrl: sim.url, ...SIM_KEYS, timeoutMs: 5000 },
    enroller: null,
    policy: TEST_POLICY,
    dataScope,
    push: { graceMs: 0 },
    backoff: { baseMs: 1, capMs: 5 },
  });
}

async function resultItems() {
  const items = await store.send('outbox:peek', { limit: 100, includeParked: true });
  return items.filter((item) => item.kind === 'result');
}

describe('data scope', () => {
  it('demo scope: DEMO results go to the simulator, real results stay queued', async () => {
    const [demoId] = await recordResults(store, 1, ['DEMO-00AA11BB']);
    const [realId] = await recordResults(store, 1, ['SUB-REAL-7'], 1);
    await service('demo').runOnce({ pull: false });
    expect(sim.state.records.map((r) => r.cf2)).toEqual([demoId]);
    const left = await resultItems();
    expect(left.map((i) => [i.ref, i.parkedAt])).toEqual([[realId, null]]);
    expect(left[0]?.nextAttemptAt).toBeGreaterThan(Date.now() + 60_000);
  });

  it('real scope: DEMO results are parked, never posted', async () => {
    await recordResults(store, 1, ['DEMO-00AA11BB']);
    await service('real').runOnce({ pull: false });
    expect(sim.state.records).toHaveLength(0);
    const [item] = await resultItems();
    expect(item?.parkReason).toBe('Demo data is never sent to a real central API');
  });
});
