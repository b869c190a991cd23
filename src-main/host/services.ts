// Builds main's services once, for either host (Electron or the browser host): both get the
// same handlers, the same validation and the same events.
import { EventHub } from '../bridge/event-hub';
import { createDispatcher, type Dispatch } from '../bridge/dispatcher';
import type { Handlers } from '../bridge/handlers';
import { frameHandlers } from '../frame/handlers';
import { stationHandlers } from '../station/handlers';
import { StationStatusService } from '../station/station-status';
import { ConnectivityMonitor } from '../sync/connectivity';
import type { StationConfig } from './config';
import { EngineRuntime, type EngineMode } from './engine-runtime';
import type { Logger } from './logger';

export interface StationServices {
  dispatch: Dispatch;
  hub: EventHub;
  status: StationStatusService;
  engine: EngineRuntime;
  close(): Promise<void>;
}

export interface ServiceOptions {
  host: 'electron' | 'browser';
  version: string;
  config: StationConfig;
  logger: Logger;
  /** 'off' for hosts and tests that do not need face models. */
  engine?: EngineMode;
}

export function createStationServices(options: ServiceOptions): StationServices {
  const hub = new EventHub();
  const connectivity = new ConnectivityMonitor({
    baseUrl: options.config.centralBaseUrl,
    intervalMs: options.config.connectivityIntervalMs,
    onChange: (network) => {
      options.logger.info('network.changed', { ...network });
      status.update({ network });
    },
  });
  const status = new StationStatusService(
    {
      version: options.version,
      host: options.host,
      backend: null,
      engine: 'absent',
      network: connectivity.current(),
      framesAnalyzed: 0,
    },
    hub,
  );
  const engine = new EngineRuntime(options.engine ?? 'auto', {}, status, options.logger);
  const handlers: Handlers = {
    ...stationHandlers(status),
    ...frameHandlers(status, engine),
  };
  connectivity.start();
  engine.start();
  return {
    dispatch: createDispatcher(handlers, options.logger),
    hub,
    status,
    engine,
    close: async () => {
      connectivity.stop();
      await engine.close();
    },
  };
}
