// npm run test:chaos -- --json
// 2,000 results pushed by a station sync process that is SIGKILLed at random moments (>= 30
// times) while the local ARGOS server injects faults: 10% 503, 10% reset before commit, 20%
// commit then drop, 5% slow (past the client timeout). Then the central records are compared
// with the station's: every result exactly once, nothing pending.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ArgosSimulator } from '../../src-main/argos-simulator/server';
import { checkDelivery } from '../../src-main/sync/delivery-audit';
import { startSyncChild } from './child-process';
import { SIM_KEYS } from './sim-fixtures';
import { allDeliveries, openStation, recordResults } from './station-fixtures';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    results: { type: 'string', default: '2000' },
    kills: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    'no-reconcile': { type: 'boolean', default: false },
    // The central listing does not echo cf1/cf2: reconciliation falls back to submission + time.
    'no-cf-echo': { type: 'boolean', default: false },
  },
});
const RESULTS = Number(values.results);
const MIN_KILLS = Number(values.kills);
const STATION = 'station-chaos-1';
const log = (message: string) => process.stderr.write(`[chaos] ${message}\n`);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4_294_967_296;
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'faceauth-chaos-'));
  const sim = new ArgosSimulator({
    ...SIM_KEYS,
    seed: Number(values.seed),
    slowMs: 1500,
    echoCustomFields: !values['no-cf-echo'],
    faults: { unavailable: 0.1, resetBeforeCommit: 0.1, commitThenDrop: 0.2, slow: 0.05 },
  });
  const url = await sim.start();
  const submissions = Array.from({ length: 20 }, (_, i) => `chaos-sub-${i}`);
  for (const id of submissions) sim.addSubmission({ submission_id: id });

  const seeding = await openStation(dir, STATION);
  await recordResults(seeding, RESULTS, submissions);
  await seeding.close();
  log(`recorded ${RESULTS} results in ${Math.round(performance.now() - started)} ms`);

  const random = seededRandom(Number(values.seed));
  const args = ['--data', dir, '--url', url, '--station', STATION];
  if (values['no-reconcile']) args.push('--no-reconcile');
  let kills = 0;
  let killsWhilePending = 0;
  for (;;) {
    const child = startSyncChild(args);
    await child.ready;
    if (kills < MIN_KILLS) {
      // Anywhere from just after start-up to well into a pass: mid-POST, mid-reconcile, mid-write.
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 1400));
      if (child.process.exitCode === null) {
        if (new Set(sim.state.records.map((r) => r.cf2)).size < RESULTS) killsWhilePending += 1;
        child.process.kill('SIGKILL');
        kills += 1;
      }
      await child.exited;
      continue;
    }
    const end = await child.exited;
    if (end.code !== 0) throw new Error(`sync child failed (${end.code}): ${end.stderr}`);
    break;
  }
  sim.setFaults({});
  const store = await openStation(dir, STATION);
  const local = await allDeliveries(store);
  await store.close();
  const check = checkDelivery(
    local,
    sim.state.records.map((r) => ({
      authenticationId: r.result.authentication_id,
      submissionId: r.submissionId,
      cf1: r.cf1,
      cf2: r.cf2,
      cf3: r.cf3,
    })),
    STATION,
  );
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  log(
    `cf echo ${values['no-cf-echo'] ? 'off' : 'on'}, ` +
      `kills ${kills} (${killsWhilePending} while results were undelivered), ` +
      `requests ${sim.stats.requests}, faults ${JSON.stringify(sim.stats.faults)}, ` +
      `${Math.round((performance.now() - started) / 1000)} s`,
  );
  const ordered = {
    results: check.results,
    kills,
    central_records: check.central_records,
    duplicates: check.duplicates,
    missing: check.missing,
    mismatched: check.mismatched,
    pending: check.pending,
  };
  process.stdout.write(
    values.json ? `${JSON.stringify(ordered)}\n` : `${JSON.stringify(ordered, null, 2)}\n`,
  );
  const ok =
    check.central_records === RESULTS &&
    check.duplicates + check.missing + check.mismatched + check.pending === 0 &&
    kills >= MIN_KILLS;
  return ok ? 0 : 1;
}

process.exitCode = await main();
