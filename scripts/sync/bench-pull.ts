// npm run bench:pull -- --json [--submissions 10000]
// Pull of N approved submissions with selfies from the local ARGOS server into a fresh station:
// listing by date windows and pages, selfie download, enrollment in the REAL face engine's worker
// pool, store writes. The sync process is SIGKILLed once mid-way and restarted: the figures show
// it resumed (selfie downloads ≈ N, not N + what was done before the kill; killed at 10%). Then one submission
// is revoked centrally and, after the next pull, refused by the station.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ArgosSimulator } from '../../src-main/argos-simulator/server';
import { submissionGate } from '../../src-main/store/submission-gate';
import { decodeReferenceTemplates } from '../../src-main/verification/reference-templates';
import { startSyncChild } from './child-process';
import { loadSelfies } from './selfies';
import { SIM_KEYS } from './sim-fixtures';
import { openStation } from './station-fixtures';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    submissions: { type: 'string', default: '10000' },
    'kill-at': { type: 'string', default: '0.1' },
  },
});
const N = Number(values.submissions);
const KILL_AT = Number(values['kill-at']);
const STATION = 'station-bench-pull';
const DAY = 86_400_000;
const SELFIE_PATH = '/v3/image';
const log = (message: string) => process.stderr.write(`[bench:pull] ${message}\n`);

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'faceauth-bench-pull-'));
  const sim = new ArgosSimulator(SIM_KEYS);
  const url = await sim.start();
  const { selfies, real } = await loadSelfies(N);
  if (!real) log('../shared/facedata is absent: synthetic selfies hold no face, enrollments fail');
  const now = Date.now();
  // Spread over 60 days, so pull walks several date windows and many pages.
  for (let i = 0; i < N; i += 1) {
    const created = new Date(now - 60 * DAY + Math.floor((i * 60 * DAY) / N)).toISOString();
    sim.addSubmission({
      submission_id: `bench-${String(i).padStart(6, '0')}`,
      created_at: created,
      kyc_result_at: created,
      selfie: selfies[i % selfies.length] as Uint8Array,
    });
  }
  const fromDate = new Date(now - 61 * DAY).toISOString().slice(0, 10);
  const args = [
    '--mode',
    'pull',
    '--data',
    dir,
    '--url',
    url,
    '--station',
    STATION,
    '--from-date',
    fromDate,
  ];
  const downloads = () => sim.stats.byPath[SELFIE_PATH] ?? 0;
  // A line on stderr every 30 s, so a long run shows its rate while it goes.
  const benchStart = performance.now();
  const ticker = setInterval(() => {
    const s = (performance.now() - benchStart) / 1000;
    log(`${s.toFixed(0)} s: ${downloads()} selfies downloaded (${(downloads() / s).toFixed(2)}/s)`);
  }, 30_000);
  ticker.unref();

  // First run: killed once KILL_AT of the selfies were downloaded.
  const first = startSyncChild(args);
  await first.ready;
  const firstStart = performance.now();
  while (downloads() < N * KILL_AT && first.process.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  first.process.kill('SIGKILL');
  await first.exited;
  const firstSeconds = (performance.now() - firstStart) / 1000;
  const downloadsAtKill = downloads();
  log(`killed after ${firstSeconds.toFixed(1)} s, ${downloadsAtKill} selfies downloaded`);

  const second = startSyncChild(args);
  await second.ready;
  const secondStart = performance.now();
  const end = await second.exited;
  if (end.code !== 0) throw new Error(`pull child failed: ${end.stderr}`);
  const secondSeconds = (performance.now() - secondStart) / 1000;

  const store = await openStation(dir, STATION);
  const counts = await store.send('sync:counts', {});
  // What pull stored must be what verification reads: decode one with the verifier's codec.
  const sample = await store.send('submissions:lookup', { submissionId: 'bench-000000' });
  const decodable =
    sample.found &&
    sample.templates !== null &&
    decodeReferenceTemplates(sample.templates) !== null;
  await store.close();

  // Revocation: one submission rejected centrally; the next pull takes it out of use.
  const revokedId = `bench-${String(Math.floor(N / 2)).padStart(6, '0')}`;
  const before = await (async () => {
    const s = await openStation(dir, STATION);
    const gate = submissionGate(await s.send('submissions:lookup', { submissionId: revokedId }));
    await s.close();
    return gate;
  })();
  sim.setStatus(revokedId, 'rejected');
  const third = startSyncChild(args);
  await third.ready;
  const thirdStart = performance.now();
  const thirdEnd = await third.exited;
  if (thirdEnd.code !== 0) throw new Error(`pull child failed: ${thirdEnd.stderr}`);
  const revalidateSeconds = (performance.now() - thirdStart) / 1000;
  const after = await (async () => {
    const s = await openStation(dir, STATION);
    const gate = submissionGate(await s.send('submissions:lookup', { submissionId: revokedId }));
    await s.close();
    return gate;
  })();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });

  const seconds = firstSeconds + secondSeconds;
  const summary = {
    submissions: N,
    real_face_selfies: real,
    cached: counts.submissions,
    verifiable: counts.verifiable,
    enroll_failed: counts.submissions - counts.verifiable,
    kills: 1,
    selfies_downloaded_before_kill: downloadsAtKill,
    selfie_downloads_total: downloads(),
    pull_seconds: Math.round(seconds * 10) / 10,
    submissions_per_second: Math.round((N / seconds) * 100) / 100,
    revalidation_sweep_seconds: Math.round(revalidateSeconds * 10) / 10,
    templates_decodable_by_verifier: decodable,
    revoked_verifiable_before: before === null,
    revoked_refused_after: after?.errorCode ?? null,
  };
  process.stdout.write(
    values.json ? `${JSON.stringify(summary)}\n` : `${JSON.stringify(summary, null, 2)}\n`,
  );
  // At most one uncommitted page (100 items, see sync-child.ts) is downloaded twice.
  const resumed = downloads() <= N + 100;
  return counts.submissions === N && resumed && after?.errorCode === 'invalid_submission_status'
    ? 0
    : 1;
}

process.exitCode = await main();
