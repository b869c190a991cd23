// A real browser host on 127.0.0.1 (port 0) with a fresh data folder and no face models, for
// tests that attack or drive the WebSocket bridge.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/browser-host';
import { silentLogger, type Logger } from '../../src-main/host/logger';
import { createPlaintextKeyWrapper } from '../../src-main/store/keys/plaintext-key-wrapper';

export const FIRST_ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  password: 'correct horse battery',
};

export interface HostFixture {
  host: BrowserHost;
  dataDir: string;
  close(): Promise<void>;
}

export interface HostFixtureOptions {
  /** Attack files that open many connections raise the bridge's socket cap. */
  maxConnections?: number;
  stationId?: string;
}

/** Both folders are removed by close(), so runs leave nothing in the temp folder. */
export async function startTestBrowserHost(
  logger: Logger = silentLogger,
  options: HostFixtureOptions = {},
): Promise<HostFixture> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
  const dataDir = mkdtempSync(join(tmpdir(), 'station-data-'));
  const host = await startBrowserHost({
    keyWrapper: createPlaintextKeyWrapper(),
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    rendererDir,
    port: 0,
    version: '9.9.9',
    config: {
      centralBaseUrl: null,
      dataDir,
      connectivityIntervalMs: 60_000,
      faceAuthKey: null,
      idCheckKey: null,
      stationId: options.stationId ?? 'station-test',
      demo: 'off',
    },
    logger,
    engine: 'off',
  });
  return {
    host,
    dataDir,
    close: async () => {
      await host.close();
      rmSync(rendererDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
