// Entry of `npm run start:browser`. Prints one JSON line with the origin and the path of the
// owner-only file that holds the page's address (with its token), so that scripts and tests can
// find it without the token ever reaching stdout; logs go to stderr.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStationConfig } from '../host/config';
import { createLogger } from '../host/logger';
import { readAppVersion } from '../host/version';
import { defaultAddressFile, removeAddressFile, writeAddressFile } from './address-file';
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
      // Where to put the page's address (default: browser-host.address in the data folder).
      'address-file': { type: 'string' },
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
  const config = loadStationConfig(process.env, join(homedir(), '.faceauth-station'));
  const host = await startBrowserHost({
    keyWrapper,
    rendererDir,
    port,
    version: readAppVersion(appRoot),
    config,
    logger,
    engine: values.engine,
  });
  const addressFile = resolve(values['address-file'] ?? defaultAddressFile(config.dataDir));
  writeAddressFile(addressFile, host.url);
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', origin: host.origin, addressFile })}\n`,
  );
  let stopping = false;
  const shutdown = () => {
    // A second signal (Ctrl+C reaches the launcher and this process alike) must not kill the
    // process halfway through, leaving the address file behind.
    if (stopping) return;
    stopping = true;
    void host.close().then(() => {
      // The token dies with this run; its file goes too.
      removeAddressFile(addressFile);
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Browser host failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
