// `npm run start:browser`: the station's main-process services in plain Node, serving the same
// renderer to a regular browser on 127.0.0.1 with a per-run token.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'src-main/browser-host/main.ts', ...process.argv.slice(2)],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
  },
);
createInterface({ input: child.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
  try {
    const message = JSON.parse(line);
    if (message.event === 'listening') {
      // The address carries this run's token: shown on a terminal, never written where stderr
      // may be a log file.
      const where = process.stderr.isTTY
        ? `Open this address in Chromium or Chrome:\n\n  ${readFileSync(message.addressFile, 'utf8').trim()}\n\nThe address carries this run's secret token;`
        : `Open the address stored in ${message.addressFile} (readable by you only) in Chromium or Chrome.\nIt carries this run's secret token;`;
      console.error(
        `\nFaceAuth Station (browser host) is ready. ${where} it listens on 127.0.0.1 only. Ctrl+C stops it.\n`,
      );
    }
  } catch {
    // Not a status line; already forwarded as is.
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
