// Sign-in denial-of-service benchmark (issue 11): times store reads (a cached submission lookup
// through the real store client and worker) with no sign-ins running, then the same reads while
// 50 attackers send bad sign-ins in parallel through the sign-in gate, each attempt from a new
// connection (the harshest case: only the station-wide limits apply) and each starting again as
// soon as it is answered (10 ms after a throttled answer). Target: store reads stay under 200 ms at p95 during the storm.
// Prints {"attackers","storm_ms","attempts","checked","throttled","reference":{…},"storm":{…}}
// with read counts and p50/p95 in ms (with --json, only that line).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignInGate } from '../../src-main/operators/sign-in-gate';
import { openStore, type StoreClient } from '../../src-main/store/client';

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
const attackers = Number(option(argv, '--attackers') ?? 50);
const stormMs = Number(option(argv, '--ms') ?? 5_000);
const json = argv.includes('--json');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? Number.NaN) * 10) / 10;
}

/** Reads one cached submission after another, a few ms apart, until `until` says stop. */
async function timedReads(store: StoreClient, until: () => boolean) {
  const times: number[] = [];
  while (!until()) {
    const started = performance.now();
    await store.send('submissions:lookup', { submissionId: `sub-${times.length % 100}` });
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  times.sort((a, b) => a - b);
  return { reads: times.length, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-signin-'));
  const store = await openStore({
    dbPath: join(dir, 'station.db'),
    dataKey: randomBytes(32),
    auditKey: randomBytes(32),
    stationId: 'bench-signin',
    retentionIntervalMs: 0,
  });
  try {
    await store.send('operators:bootstrapAdmin', {
      username: 'admin',
      displayName: 'Admin',
      password: 'admin password 1',
    });
    await store.send('submissions:upsertMany', {
      items: Array.from({ length: 100 }, (_, i) => ({
        submissionId: `sub-${i}`,
        status: 'approved',
        policy: {
          faceSimilarity_threshold: 85,
          occluded_threshold: false,
          faceCover_threshold: 0,
          headCover_threshold: 0,
          liveness_threshold: 0,
        },
        templates: { modelVersion: 'bench', data: randomBytes(512) },
      })),
    });
    const gate = new SignInGate(store.send.bind(store));

    const referenceEnd = performance.now() + stormMs;
    const reference = await timedReads(store, () => performance.now() >= referenceEnd);

    let attempts = 0;
    let checked = 0;
    let throttled = 0;
    const stormEnd = performance.now() + stormMs;
    const attacker = async (n: number): Promise<void> => {
      while (performance.now() < stormEnd) {
        attempts += 1;
        const outcome = await gate.signIn(
          `attacker-${n}-${attempts}`,
          n % 2 === 0 ? 'admin' : `ghost-${n}`,
          `bad password ${attempts}`,
          'session',
        );
        if (!outcome.ok && outcome.reason === 'throttled') {
          throttled += 1;
          // A refused attacker comes back after 10 ms, about a WebSocket round trip: retrying in
          // a tight loop here would starve this benchmark's own event loop, not the station's.
          await new Promise((resolve) => setTimeout(resolve, 10));
        } else checked += 1;
      }
    };
    const [storm] = await Promise.all([
      timedReads(store, () => performance.now() >= stormEnd),
      ...Array.from({ length: attackers }, (_, n) => attacker(n)),
    ]);
    const report = {
      attackers,
      storm_ms: stormMs,
      attempts,
      checked,
      throttled,
      reference,
      storm,
    };
    if (!json) {
      console.log('Store reads (submissions:lookup round trip) with and without a sign-in storm:');
    }
    console.log(JSON.stringify(report));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
