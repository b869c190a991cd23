// The station's sync process for chaos and pull runs: opens the store in --data, runs the
// SyncService against --url until its work is done, then exits 0. Its parent SIGKILLs it at
// random moments; everything it needs to resume is in the store. Prints "ready" once running.
import { parseArgs } from 'node:util';
import { SyncService } from '../../src-main/sync/sync-service';
import type { Enroller } from '../../src-main/sync/enroller';
import { openStation } from './station-fixtures';
import { SIM_KEYS, SIM_POLICY } from './sim-fixtures';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    url: { type: 'string' },
    station: { type: 'string' },
    mode: { type: 'string', default: 'push' },
    'from-date': { type: 'string' },
    'no-reconcile': { type: 'boolean', default: false },
  },
});
if (!values.data || !values.url || !values.station) {
  throw new Error('usage: sync-child --data DIR --url URL --station ID [--mode push|pull]');
}

async function pullEnroller(): Promise<{ enroller: Enroller; close: () => Promise<void> }> {
  const { createFaceEngine } = await import('../../src-main/engine/index');
  const { engineEnroller } = await import('../../src-main/sync/engine-enroller');
  const quiet = { info: () => {}, warn: () => {} };
  const engine = await createFaceEngine({ logger: quiet });
  return { enroller: engineEnroller(engine), close: () => engine.close() };
}

async function main(): Promise<void> {
  const store = await openStation(values.data as string, values.station as string);
  const pulling = values.mode === 'pull';
  const engine = pulling ? await pullEnroller() : null;
  const sync = new SyncService({
    store,
    stationId: values.station as string,
    api: { baseUrl: values.url as string, ...SIM_KEYS, timeoutMs: 1000 },
    enroller: engine?.enroller ?? null,
    policy: SIM_POLICY,
    push: { graceMs: 2000, concurrency: 8, batchSize: 100, reconcile: !values['no-reconcile'] },
    pull: { fromDate: values['from-date'], windowDays: 7, pageSize: 100, revalidateEveryMs: 0 },
    backoff: { baseMs: 50, capMs: 1000 },
    idleMs: 100,
    connectivityIntervalMs: 500,
  });
  process.stdout.write('ready\n');
  if (pulling) {
    for (;;) {
      const report = await sync.runOnce({ pull: true });
      if (report.pulled?.phase === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } else {
    sync.start();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [counts, outbox] = await Promise.all([
        store.send('sync:counts', {}),
        store.send('outbox:counts', {}),
      ]);
      if (counts.unsyncedResults === 0 && outbox.pending === 0) break;
    }
    await sync.stop();
  }
  await engine?.close();
  await store.close();
  process.stdout.write('done\n');
}

await main();
