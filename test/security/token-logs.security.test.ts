// Attack: read the browser host's bridge token from its logs. The real browser host runs as a
// child process with stdout and stderr both redirected into one log file, as a service manager
// or `npm run start:browser > station.log 2>&1` would; then the bridge is used and attacked with
// that token, and the whole log file is searched for it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from '@msgpack/msgpack';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAX_WIRE_CALL_BYTES } from '../../src-shared/contract/wire';
import { FIRST_ADMIN } from '../support/browser-host-fixture';
import { call, openBridge, refusalOf } from '../support/ws-client';

const REPO_ROOT = join(import.meta.dirname, '../..');
const PASSPHRASE = 'token-log attack passphrase 7f3c';
const scratch = mkdtempSync(join(tmpdir(), 'token-logs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** This process's environment without any central API settings: no data leaves the machine. */
function stationEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('FACEAUTH_')),
  );
}

/** Waits for the first log line matching `pattern` (the log file is the observable event). */
function waitForLine(file: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return vi.waitFor(
    () => {
      const line = readFileSync(file, 'utf8')
        .split('\n')
        .find((candidate) => pattern.test(candidate));
      if (line === undefined) throw new Error(`no ${String(pattern)} in the log`);
      return line;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

describe('bridge token', () => {
  it('attack: token in log file', async () => {
    const rendererDir = join(scratch, 'renderer');
    const dataDir = join(scratch, 'data');
    const logFile = join(scratch, 'station.log');
    rmSync(rendererDir, { recursive: true, force: true });
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
    const log = openSync(logFile, 'w');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/browser-host/main.ts',
        '--port',
        '0',
        '--engine',
        'off',
        '--renderer',
        rendererDir,
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...stationEnv(),
          FACEAUTH_DATA_DIR: dataDir,
          FACEAUTH_DEMO: 'off',
          // Stations that wrap their keys with a passphrase read it here; it must not be logged
          // either (stations without that option ignore it).
          FACEAUTH_KEY_PASSPHRASE: PASSPHRASE,
        },
        stdio: ['ignore', log, log],
      },
    );
    closeSync(log);
    try {
      const listening = JSON.parse(await waitForLine(logFile, /"event":"listening"/)) as {
        origin: string;
        addressFile?: string;
        url?: string;
      };
      // The address reaches its owner through a file nobody else may read.
      const url = listening.url ?? readFileSync(listening.addressFile!, 'utf8').trim();
      if (listening.addressFile !== undefined)
        expect(statSync(listening.addressFile).mode & 0o077).toBe(0);
      const token = new URL(url).hash.replace('#token=', '');
      expect(token).toMatch(/^[0-9a-f]{64}$/);

      // Use the bridge, and attack it with the token, so every logging path runs.
      const desk = await openBridge(listening.origin, token);
      await call(desk, 'session:createFirstAdmin', FIRST_ADMIN);
      await call(desk, 'station:status', {});
      await refusalOf(openBridge(listening.origin, token, { Host: 'attacker.example' }));
      await refusalOf(openBridge(listening.origin, token, { Origin: 'http://attacker.example' }));
      await refusalOf(openBridge(listening.origin, `${token.slice(0, 63)}0`));
      const flooded = await openBridge(listening.origin, token);
      const closed = once(flooded, 'close');
      flooded.send(
        encode({ kind: 'call', id: 1, channel: 'x', payload: new Uint8Array(MAX_WIRE_CALL_BYTES) }),
      );
      await closed;
      desk.close();
      await waitForLine(logFile, /bridge\.socket_error|bridge\.upgrade_refused/);
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    // The address file ends with the run that wrote it.
    expect(existsSync(join(dataDir, 'browser-host.address'))).toBe(false);
    const written = readFileSync(logFile, 'utf8');
    expect(written).toContain('"event":"listening"');
    const token = written.match(/token=([0-9a-f]{64})/)?.[1];
    expect(token, 'the log file holds the bridge token').toBeUndefined();
    expect(written).not.toMatch(/[0-9a-f]{64}/);
    expect(written).not.toContain(PASSPHRASE);
  }, 90_000);
});
