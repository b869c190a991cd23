// `npm run test:security [-- --json]`: performs every attack in test/security/ against the real
// station parts and prints which were blocked. Each attack is one vitest case named
// `attack: <what>`; the case passes only when the station blocked it, so a blocked count below
// the attack count is a security regression and exits non-zero.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summariseAttacks, type VitestJsonReport } from './attack-summary';

const asJson = process.argv.includes('--json');
const outDir = mkdtempSync(path.join(tmpdir(), 'faceauth-security-'));
const reportFile = path.join(outDir, 'report.json');
try {
  const vitestCli = path.resolve('node_modules/vitest/vitest.mjs');
  const run = spawnSync(
    process.execPath,
    [vitestCli, 'run', 'test/security', '--reporter=json', `--outputFile=${reportFile}`],
    { stdio: asJson ? ['ignore', 'ignore', 'inherit'] : 'inherit' },
  );
  let report: VitestJsonReport;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJsonReport;
  } catch {
    console.error(`vitest wrote no report (exit ${String(run.status)})`);
    process.exit(1);
  }
  const summary = summariseAttacks(report);
  if (asJson) {
    console.log(JSON.stringify(summary));
  } else {
    for (const c of summary.cases)
      console.log(`${c.blocked ? 'blocked' : 'NOT BLOCKED'}  ${c.name}`);
    console.log(`${summary.blocked} of ${summary.attacks} attacks blocked`);
  }
  process.exit(summary.attacks > 0 && summary.blocked === summary.attacks ? 0 : 1);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
