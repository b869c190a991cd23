// Entry of `npm run start:browser`. Prints one JSON line with the page's address so that
// scripts and tests can find it; logs go to stderr.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStationConfig } from '../host/config';
import { createLogger } from '../host/logger';
import { readAppVersion } from '../host/version';
import { startBrowserHost } from './browser-host';
import { chooseKeyWrapper, KeyChoiceError, promptPassphrase } from './key-choice';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      renderer: { type: 'string', default: 'out/renderer' },
      'app-root': { type: 'string', default: '.' },
      // `--engine off` serves the UI without loading face models (thin clients, quick checks).
      engine: { type: 'string', default: process.env['FACEAUTH_ENGINE'] ?? 'auto' },
      // Development and tests only: keep the keys in plaintext files (see key-choice.ts).
      'insecure-plaintext-key': { type: 'boolean', default: false },
    },
  });
  const appRoot = resolve(values['app-root']);
  const rendererDir = resolve(appRoot, values.renderer);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`No built renderer in ${rendererDir}. Run \`npm run build\` first.\n`);
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`--port must be 0-65535, got ${values.port}\n`);
    process.exit(2);
  }
  if (values.engine !== 'auto' && values.engine !== 'off') {
    process.stderr.write(`--engine must be auto or off, got ${values.engine}\n`);
    process.exit(2);
  }
  let keyWrapper;
  try {
    keyWrapper = await chooseKeyWrapper({
      insecurePlaintextKey: values['insecure-plaintext-key'],
      env: process.env,
      prompt: process.stdin.isTTY ? promptPassphrase : undefined,
    });
  } catch (error) {
    if (!(error instanceof KeyChoiceError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const logger = createLogger('browser-host');
  const host = await startBrowserHost({
    keyWrapper,
    rendererDir,
    port,
    version: readAppVersion(appRoot),
    config: loadStationConfig(process.env, join(homedir(), '.faceauth-station')),
    logger,
    engine: values.engine,
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: host.url, origin: host.origin })}\n`,
  );
  const shutdown = () => void host.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Browser host failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
