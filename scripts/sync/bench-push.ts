// npm run bench:push -- --json [--results 2000]
// Push throughput with faults off: N recorded results (each with a small JPEG) delivered to the
// local ARGOS server, the central verdicts written back, audit head sent. The server runs in
// its own process (scripts/sync/sim-process.ts), as the central API is another machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDelivery, type CentralRecord } from '../../src-main/sync/delivery-audit';
import { SyncService } from '../../src-main/sync/sync-service';
import { SIM_KEYS, SIM_POLICY } from './sim-fixtures';
import { RemoteSimulator } from './sim-remote';
import { allDeliveries, openStation, recordResults } from './station-fixtures';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    results: { type: 'string', default: '2000' },
    concurrency: { type: 'string' },
    batch: { type: 'string' },
  },
});
const N = Number(values.results);
const STATION = 'station-bench-push';

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'faceauth-bench-push-'));
  const sim = await RemoteSimulator.start(SIM_KEYS);
  const url = sim.url;
  // One result per submission may have an unknown outcome at a time (sync/one-open-attempt.ts),
  // so a batch posts at most one result per submission: the bench spreads its results over
  // 500 submissions, as a desk serves many people, rather than one.
  const submissions = Array.from({ length: 500 }, (_, i) => `bench-sub-${i}`);
  await sim.call({
    op: 'addSubmissions',
    items: submissions.map((submission_id) => ({ submission_id })),
  });
  const store = await openStation(dir, STATION);
  await recordResults(store, N, submissions);
  const sync = new SyncService({
    store,
    stationId: STATION,
    api: { baseUrl: url, ...SIM_KEYS },
    enroller: null,
    policy: SIM_POLICY,
    push: {
      ...(values.concurrency === undefined ? {} : { concurrency: Number(values.concurrency) }),
      ...(values.batch === undefined ? {} : { batchSize: Number(values.batch) }),
    },
  });
  const started = performance.now();
  let passes = 0;
  while ((await store.send('sync:counts', {})).unsyncedResults > 0) {
    await sync.runOnce({ pull: false });
    passes += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const check = checkDelivery(
    await allDeliveries(store),
    await sim.call<CentralRecord[]>({ op: 'records' }),
    STATION,
  );
  await store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  const summary = {
    results: N,
    seconds: Math.round(seconds * 100) / 100,
    results_per_second: Math.round((N / seconds) * 10) / 10,
    passes,
    central_records: check.central_records,
    duplicates: check.duplicates,
    missing: check.missing,
  };
  process.stdout.write(
    values.json ? `${JSON.stringify(summary)}\n` : `${JSON.stringify(summary, null, 2)}\n`,
  );
  return summary.results_per_second >= 100 && check.duplicates + check.missing === 0 ? 0 : 1;
}

process.exitCode = await main();
