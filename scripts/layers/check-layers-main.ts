// npm run check:layers [-- --json]: prints every layer violation and folder cycle; exit code 1
// when there is any. Known debts and their owners: docs/architecture.md.
import { checkLayers } from './check-layers';

const report = await checkLayers(process.cwd());
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  for (const violation of report.violations) {
    process.stdout.write(`${violation.rule}: ${violation.from} -> ${violation.to}\n`);
  }
  for (const cycle of report.folderCycles) {
    process.stdout.write(`folder cycle: {${cycle.join(', ')}}\n`);
  }
  process.stdout.write(
    `${report.modules} modules, ${report.violations.length} layer violations, ` +
      `${report.folderCycles.length} folder cycles\n`,
  );
}
process.exitCode = report.violations.length + report.folderCycles.length === 0 ? 0 : 1;
