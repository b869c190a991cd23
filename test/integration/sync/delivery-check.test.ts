// Negative controls for the exactly-once check that the chaos run relies on: with
// reconciliation switched off, lost replies DO produce duplicates and the check counts them;
// a record lost centrally is counted as missing. A check that cannot fail proves nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { StoreClient } from '../../../src-main/store/client';
import { checkDelivery } from '../../../src-main/sync/delivery-audit';
import { SyncService } from '../../../src-main/sync/sync-service';
import { allDeliveries, openStation, recordResults } from '../../../scripts/sync/station-fixtures';
import { centralRecords, SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';

const STATION = 'station-control';
let sim: ArgosSimulator;
let store: StoreClient;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-sync-control-'));
  sim = new ArgosSimulator({ ...SIM_KEYS, seed: 3 });
  await sim.start();
  sim.addSubmission({ submission_id: 'sub-a' });
  store = await openStation(dir, STATION);
});
afterEach(async () => {
  await store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(reconcile: boolean): SyncService {
  return new SyncService({
    store,
    stationId: STATION,
    api: { baseUrl: sim.url, ...SIM_KEYS, timeoutMs: 3000 },
    enroller: null,
    policy: TEST_POLICY,
    push: { graceMs: 0, reconcile },
    // No backoff: a retry is due at once, so drain() never waits for the wall clock to pass it.
    backoff: { baseMs: 0, capMs: 0 },
  });
}

async function drain(sync: SyncService): Promise<void> {
  for (let round = 0; round < 100; round += 1) {
    await sync.runOnce({ pull: false });
    if ((await store.send('sync:counts', {})).unsyncedResults === 0) return;
  }
  throw new Error('results were not delivered');
}

describe('the delivery check catches what reconciliation prevents', () => {
  it('counts duplicates when reconciliation is disabled and replies are lost', async () => {
    await recordResults(store, 10, ['sub-a']);
    sim.setFaults({ commitThenDrop: 0.5 });
    const sync = service(false);
    await drain(sync);
    const check = checkDelivery(await allDeliveries(store), centralRecords(sim), STATION);
    expect(check.duplicates).toBeGreaterThan(0);
    expect(check.central_records).toBe(10 + check.duplicates);
  });

  it('with reconciliation on, the same faults leave no duplicate', async () => {
    await recordResults(store, 10, ['sub-a']);
    sim.setFaults({ commitThenDrop: 0.5 });
    const sync = service(true);
    await drain(sync);
    expect(checkDelivery(await allDeliveries(store), centralRecords(sim), STATION)).toEqual({
      results: 10,
      central_records: 10,
      duplicates: 0,
      missing: 0,
      mismatched: 0,
      pending: 0,
    });
  });

  it('counts a record lost centrally as missing, and an unknown record as mismatched', async () => {
    await recordResults(store, 5, ['sub-a']);
    await drain(service(true));
    const central = centralRecords(sim);
    const dropped = central.slice(1);
    expect(checkDelivery(await allDeliveries(store), dropped, STATION)).toMatchObject({
      central_records: 4,
      missing: 1,
      duplicates: 0,
    });
    const stranger = { ...(central[0] as (typeof central)[0]), cf2: 'not-a-local-id' };
    expect(
      checkDelivery(await allDeliveries(store), [...central, stranger], STATION).mismatched,
    ).toBe(1);
  });
});
