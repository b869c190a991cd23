// The one in-process browser host for tests: a real server on 127.0.0.1 (port 0) with a fresh
// data folder, plaintext keys by explicit opt-in and no face models, for tests that drive or
// attack the WebSocket bridge. E2e tests start the real program instead (e2e/support).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/browser-host';
import type { StationConfig } from '../../src-main/host/config';
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
  /** A data folder the caller owns (a station restarted on the same files); not removed. */
  dataDir?: string;
  /** Anything else of the station's configuration (a central address, demo mode). */
  config?: Partial<StationConfig>;
}

/** The folders it made are removed by close(), so runs leave nothing in the temp folder. */
export async function startTestBrowserHost(
  logger: Logger = silentLogger,
  options: HostFixtureOptions = {},
): Promise<HostFixture> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'station-data-'));
  const removeFolders = () => {
    rmSync(rendererDir, { recursive: true, force: true });
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
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
        ...options.config,
      },
      logger,
      engine: 'off',
    });
    return {
      host,
      dataDir,
      close: async () => {
        await host.close();
        removeFolders();
      },
    };
  } catch (error) {
    removeFolders();
    throw error;
  }
}
