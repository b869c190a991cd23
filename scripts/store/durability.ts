// Kill test (issue 5): at least 100 times, start a child that records results through the real
// store and SIGKILL it at a random moment (sometimes while it opens and migrates, mostly while
// it writes). Every result the child acknowledged must then be present, byte for byte, with its
// outbox item and a valid audit chain; the file must pass integrity_check after every kill.
// Prints {"kills","acknowledged","lost","corrupt"} (with --json, only that line).
// Note: SIGKILL proves crash consistency of the process; power-loss durability additionally
// rests on synchronous=FULL (fsync at every commit), which this test cannot cut power to prove.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { bindAuditKey } from '../../src-main/audit/audit-key';
import { verifyAuditChain } from '../../src-main/audit/verify';
import {
  cipherContext,
  createBiometricCipher,
} from '../../src-main/database/crypto/biometric-cipher';
import { integrityProblems } from '../../src-main/database/db/pragmas';
import { findOutboxByRef } from '../../src-main/database/queries/outbox';
import { findResult } from '../../src-main/database/queries/results';
import { bundleEntries } from './bundle-store-worker';
import { durabilityAuditKey, imageFor, resultFor } from './durability-fixtures';

interface Options {
  kills: number;
  json: boolean;
  dir: string;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    kills: Number(value('--kills') ?? 110),
    json: argv.includes('--json'),
    dir: resolve(value('--dir') ?? 'test-output/durability'),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface RunOutcome {
  acked: string[];
  safeMode: boolean;
}

/** One child: killed `delayMs` after READY, or, when `duringStartup`, that long after spawn. */
async function runAndKill(
  childPath: string,
  args: string[],
  delayMs: number,
  duringStartup: boolean,
): Promise<RunOutcome> {
  const child = spawn(process.execPath, [childPath, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  let safeMode = false;
  const exited = new Promise<void>((done, fail) =>
    child.once('exit', (code, signal) => {
      // Any exit other than our SIGKILL (or the safe-mode code 3) means the child itself broke.
      if (signal === 'SIGKILL' || code === 3) done();
      else
        fail(new Error(`child exited by itself (code ${String(code)}, signal ${String(signal)})`));
    }),
  );
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  if (duringStartup) setTimeout(kill, delayMs);
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line === 'READY' && !duringStartup) setTimeout(kill, delayMs);
    else if (line.startsWith('ACK ')) acked.push(line.slice(4));
    else if (line.startsWith('SAFE ')) safeMode = true;
  });
  await exited;
  lines.close();
  return { acked, safeMode };
}

function checkFile(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return integrityProblems(db);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const here = import.meta.dirname;
  // The bundle lives inside the repository (test-output/, ignored) so that the external
  // better-sqlite3 resolves from node_modules wherever --dir points.
  const bundleDir = resolve(here, '../../test-output', `store-bundle-${process.pid}`);
  const [childPath, workerPath] = await bundleEntries(
    [
      join(here, 'durability-child.ts'),
      resolve(here, '../../src-main/store/worker/store-worker.ts'),
    ],
    bundleDir,
  );
  if (childPath === undefined || workerPath === undefined) throw new Error('bundle failed');
  const dbPath = join(options.dir, 'durability.db');
  const key = randomBytes(32);
  const started = performance.now();
  const acknowledged: string[] = [];
  let corrupt = 0;
  let killedDuringStartup = 0;

  for (let run = 0; run < options.kills; run += 1) {
    const duringStartup = Math.random() < 0.15;
    if (duringStartup) killedDuringStartup += 1;
    const delay = duringStartup ? Math.random() * 250 : Math.random() * 600;
    const outcome = await runAndKill(
      childPath,
      [dbPath, workerPath, String(run), key.toString('hex')],
      delay,
      duringStartup,
    );
    acknowledged.push(...outcome.acked);
    if (outcome.safeMode) corrupt += 1;
    // The file must be sound after every single kill, not only at the end.
    if (run % 10 === 9 || run === options.kills - 1) {
      if (checkFile(dbPath).length > 0) corrupt += 1;
    }
    await sleep(5);
  }

  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const cipher = createBiometricCipher(key);
  let lost = 0;
  for (const id of acknowledged) {
    const row = findResult(db, id);
    const intact =
      row !== undefined &&
      row.resultJson === JSON.stringify(resultFor(id)) &&
      row.capturedImageEnc !== null &&
      cipher.decrypt(row.capturedImageEnc, cipherContext.capturedImage(id)).equals(imageFor(id)) &&
      findOutboxByRef(db, 'result', id) !== undefined;
    if (!intact) lost += 1;
  }
  bindAuditKey(db, durabilityAuditKey(key.toString('hex')));
  const audit = verifyAuditChain(db);
  if (!audit.ok) corrupt += 1;
  rmSync(bundleDir, { recursive: true, force: true });
  const resultsInDb = (db.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n;
  db.close();

  const figures = { kills: options.kills, acknowledged: acknowledged.length, lost, corrupt };
  if (options.json) {
    console.log(JSON.stringify(figures));
  } else {
    console.log(
      JSON.stringify({
        ...figures,
        killedDuringStartup,
        resultsInDb,
        auditEntries: audit.entries,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        load_average_1m: Math.round(loadavg()[0] ?? 0),
      }),
    );
  }
  process.exitCode = lost === 0 && corrupt === 0 ? 0 : 1;
}

await main();
