// Store benchmark (issue 5): ingest N cached submissions (default 1,000,000) through the real
// store client and worker, then time single lookups by id, round trip included (main -> worker
// -> SQLite -> AES-GCM decrypt -> main). Templates are precomputed (a pool of 128-float
// descriptors, encoded as the engine would), so the figures measure the store alone.
// Ingest goes in batches of --batch rows (default 20,000), one transaction each: with ids in
// random order every commit rewrites the index pages it touched, so fewer, larger commits are
// how the sync module should fill the cache (5,000-row batches measured about 35% slower).
// Prints {"rows","lookup_p50_ms","lookup_p99_ms","ingest_per_s"} (with --json, only that line;
// without it, also in-process lookups without the worker hop, integrity-check time, load).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_OPERATOR_POLICY } from '../../src-main/operators/policy';
import { openStore } from '../../src-main/store/client';
import type { StoreContext } from '../../src-main/database/context';
import { createBiometricCipher } from '../../src-main/database/crypto/biometric-cipher';
import { openDatabase } from '../../src-main/database/db/open-database';
import { lookupSubmission } from '../../src-main/store/services/submissions';
import type { SubmissionInput } from '../../src-main/store/services/submissions';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
const rows = Number(option(argv, '--rows') ?? 1_000_000);
const lookups = Number(option(argv, '--lookups') ?? 20_000);
const batchSize = Number(option(argv, '--batch') ?? 20_000);
const json = argv.includes('--json');
const dir = resolve(option(argv, '--dir') ?? 'test-output/bench');
const workerPath = option(argv, '--worker');

const POLICIES: ProjectPolicy[] = [
  {
    faceSimilarity_threshold: 85,
    occluded_threshold: false,
    faceCover_threshold: 0,
    headCover_threshold: 0,
    liveness_threshold: 0,
  },
  {
    faceSimilarity_threshold: 70,
    occluded_threshold: true,
    faceCover_threshold: 0,
    headCover_threshold: 0,
    liveness_threshold: 0,
  },
];

/** 128 float32 descriptors, as face-api's recognition net produces. */
const TEMPLATE_POOL = Array.from({ length: 1024 }, () => {
  const descriptor = new Float32Array(128).map(() => Math.random() * 2 - 1);
  return new Uint8Array(descriptor.buffer);
});

// Ids in scattered order (a bijective multiplicative hash of i, plus i for uniqueness): real
// submission ids do not arrive sorted, and sorted keys would flatter the primary-key index.
const idOf = (i: number): string =>
  `${(Math.imul(i, 2654435761) >>> 0).toString(16).padStart(8, '0')}-${i.toString(36)}`;

function batch(start: number, end: number): SubmissionInput[] {
  const items: SubmissionInput[] = [];
  for (let i = start; i < end; i += 1) {
    items.push({
      submissionId: idOf(i),
      status: 'approved',
      policy: POLICIES[i % POLICIES.length] as ProjectPolicy,
      templates: {
        modelVersion: 'face-api-1.7.15',
        data: TEMPLATE_POOL[i % TEMPLATE_POOL.length] as Uint8Array,
      },
    });
  }
  return items;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const dbPath = join(dir, 'bench.db');
const dataKey = randomBytes(32);
const auditKey = randomBytes(32);
const store = await openStore({
  dbPath,
  dataKey,
  auditKey,
  stationId: 'bench',
  workerPath,
  retentionIntervalMs: 0,
});

// Two batches in flight: main builds and clones the next while the worker writes this one.
const ingestStart = performance.now();
const ingestCpuStart = process.cpuUsage();
let inFlight: Promise<unknown> | null = null;
for (let start = 0; start < rows; start += batchSize) {
  const sending = store.send('submissions:upsertMany', {
    items: batch(start, Math.min(rows, start + batchSize)),
  });
  if (inFlight !== null) await inFlight;
  inFlight = sending;
}
await inFlight;
const ingestSeconds = (performance.now() - ingestStart) / 1000;
// CPU time of the whole process (main + worker + GC threads): unlike the wall-clock rate it
// does not depend on how many other programs share the cores.
const ingestCpu = process.cpuUsage(ingestCpuStart);
const ingestCpuUsPerRow = (ingestCpu.user + ingestCpu.system) / rows;

for (let i = 0; i < 1000; i += 1) {
  await store.send('submissions:lookup', { submissionId: idOf(Math.floor(Math.random() * rows)) });
}
const latencies: number[] = [];
let misses = 0;
for (let i = 0; i < lookups; i += 1) {
  const id = idOf(Math.floor(Math.random() * rows));
  const t = performance.now();
  const found = await store.send('submissions:lookup', { submissionId: id });
  latencies.push(performance.now() - t);
  if (!found.found || found.templates === null) misses += 1;
}
latencies.sort((a, b) => a - b);
await store.close();

/** The same lookups without the worker hop: separates the store's own cost from scheduling. */
function directLookupLatencies(count: number): number[] {
  const opened = openDatabase({ path: dbPath, integrityCheck: 'off' });
  const ctx: StoreContext = {
    read: opened.db,
    writable: null,
    safeModeMessage: null,
    cipher: createBiometricCipher(dataKey),
    clock: Date.now,
    stationId: 'bench',
    operatorPolicy: DEFAULT_OPERATOR_POLICY,
  };
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = idOf(Math.floor(Math.random() * rows));
    const t = performance.now();
    lookupSubmission(ctx, id);
    out.push(performance.now() - t);
  }
  opened.db.close();
  return out.sort((a, b) => a - b);
}
const direct = json ? [] : directLookupLatencies(lookups);

const reopenStart = performance.now();
// The same keys: since migration 0006 a foreign key opens the file in read-only safe mode.
const reopened = await openStore({
  dbPath,
  dataKey,
  auditKey,
  stationId: 'bench',
  workerPath,
});
const reopenMs = performance.now() - reopenStart;
const integrityMs = reopened.status.mode === 'writable' ? reopened.status.integrityMs : -1;
await reopened.close();

const figures = {
  rows,
  lookup_p50_ms: round3(percentile(latencies, 50)),
  lookup_p99_ms: round3(percentile(latencies, 99)),
  ingest_per_s: Math.round(rows / ingestSeconds),
};
if (json) console.log(JSON.stringify(figures));
else
  console.log(
    JSON.stringify({
      ...figures,
      batch: batchSize,
      ingest_cpu_us_per_row: Math.round(ingestCpuUsPerRow * 10) / 10,
      lookups,
      lookup_max_ms: round3(latencies.at(-1) ?? NaN),
      direct_lookup_p50_ms: round3(percentile(direct, 50)),
      direct_lookup_p99_ms: round3(percentile(direct, 99)),
      misses,
      db_mb: Math.round(statSync(dbPath).size / 1e5) / 10,
      reopen_with_integrity_check_ms: Math.round(reopenMs),
      integrity_check_ms: integrityMs,
      // The figures depend on what else runs on the machine; report it with them.
      load_average_1m: Math.round(loadavg()[0] ?? 0),
    }),
  );
process.exitCode = misses === 0 ? 0 : 1;
