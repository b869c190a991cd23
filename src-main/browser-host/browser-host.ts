// Runs main's services in plain Node and serves the renderer to a regular browser. Used by
// kiosks and thin clients, and by the end-to-end tests where Electron cannot run.
import type { AddressInfo } from 'node:net';
import { createStationServices, type StationServices } from '../host/services';
import type { StationConfig } from '../host/config';
import type { EngineMode } from '../station/engine-runtime';
import type { Logger } from '../host/logger';
import type { KeyWrapper } from '../store/keys/key-wrapper';
import { createRendererServer } from './http-server';
import { createSessionToken } from './token';
import { attachWebSocketBridge } from './ws-bridge';

/** Loopback only: the bridge must never be reachable from another machine. */
const LOOPBACK = '127.0.0.1';

export interface BrowserHostOptions {
  rendererDir: string;
  port: number;
  version: string;
  config: StationConfig;
  logger: Logger;
  engine?: EngineMode;
  /** The operator's explicit choice (key-choice.ts): passphrase, or plaintext by flag. */
  keyWrapper: KeyWrapper;
  /** Bridge sockets open at once (default MAX_BRIDGE_CONNECTIONS); tests of other limits raise it. */
  maxConnections?: number;
}

export interface BrowserHost {
  /** The page's address with the token in the fragment, which browsers never send to servers. */
  url: string;
  origin: string;
  token: string;
  services: StationServices;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = createSessionToken();
  const services = await createStationServices({
    host: 'browser',
    version: options.version,
    config: options.config,
    logger: options.logger,
    engine: options.engine,
    // Plain Node has no OS key store: a passphrase wraps the keys, or, only when the operator
    // asked for it, they stay plaintext and the station says so in its status bar and log.
    keyWrapper: options.keyWrapper,
  });
  let port = options.port;
  const hosts = () => [`${LOOPBACK}:${port}`, `localhost:${port}`];
  const origins = () => hosts().map((host) => `http://${host}`);
  const server = createRendererServer({
    rendererDir: options.rendererDir,
    allowedHosts: hosts,
    origin: () => `http://${LOOPBACK}:${port}`,
  });
  const wss = attachWebSocketBridge({
    server,
    token,
    allowedHosts: hosts,
    allowedOrigins: origins,
    dispatch: services.dispatch,
    hub: services.hub,
    logger: options.logger,
    maxConnections: options.maxConnections,
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    services,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      await services.close();
    },
  };
}
