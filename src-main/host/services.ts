// Builds main's services once, for either host (Electron or the browser host): both get the
// same handlers, the same validation and the same events. Each domain declares its handlers;
// this file only wires them together.
import { shippedCheckModels } from '../engine/checks/check-model';
import { EventHub } from '../bridge/event-hub';
import { createDispatcher, type Dispatch } from '../bridge/dispatcher';
import type { Handlers } from '../bridge/handlers';
import { DEFAULT_POLICY } from '../engine';
import { frameHandlers } from '../frame/handlers';
import { resultHandlers } from '../results/handlers';
import { disagreementHandlers } from '../results/disagreement-handlers';
import { operatorHandlers } from '../accounts/operator-handlers';
import { sessionHandlers } from '../session/handlers';
import { settingsHandlers } from '../settings/handlers';
import { stationHandlers } from '../station/handlers';
import { engineDiagnosticsHandlers } from '../station/engine-diagnostics-handlers';
import { StationStatusService } from '../station/station-status';
import { openStationStore } from '../store/station-store';
import type { KeyWrapper } from '../store/keys/key-wrapper';
import type { StoreClient } from '../store/client';
import { demoHandlers } from '../demo/handlers';
import { verificationHandlers } from '../verification/handlers';
import { LatencyRecorder } from '../verification/latency-recorder';
import type { StationConfig } from './config';
import { EngineRuntime, type EngineMode } from '../station/engine-runtime';
import type { Logger } from './logger';
import { loadStationId } from './station-identity';
import { lazyEnroller } from '../sync/lazy-enroller';
import { DemoModeSwitch } from '../demo/demo-switch';
import type { DemoMode } from '../demo/demo-mode';
import { CentralLink } from '../sync/central-link';
import type { CentralEndpoint } from '../sync/central-endpoint';
import { syncHandlers } from '../sync/handlers';
import { auditHandlers } from '../settings/audit-handlers';
import { cacheAgeHandlers } from '../settings/cache-age-handlers';

export interface StationServices {
  dispatch: Dispatch;
  hub: EventHub;
  status: StationStatusService;
  engine: EngineRuntime;
  store: StoreClient;
  stationId: string;
  /** The central API in use (the demo simulator in demo mode), or null. */
  endpoint(): CentralEndpoint | null;
  demo(): DemoMode | null;
  close(): Promise<void>;
}

export interface ServiceOptions {
  host: 'electron' | 'browser';
  version: string;
  config: StationConfig;
  logger: Logger;
  keyWrapper: KeyWrapper;
  /** 'off' for hosts and tests that do not need face models. */
  engine?: EngineMode;
  /** Bundled builds pass their own worker files. */
  storeWorkerPath?: string;
  engineWorkerPath?: string;
}

export async function createStationServices(options: ServiceOptions): Promise<StationServices> {
  const { config, logger } = options;
  const hub = new EventHub();
  const stationId = loadStationId(config.dataDir, config.stationId);
  const opened = await openStationStore({
    dataDir: config.dataDir,
    keyWrapper: options.keyWrapper,
    stationId,
    workerPath: options.storeWorkerPath,
    log: (level, message) => logger[level]('store.notice', { message }),
  });
  const store = opened.store;
  const warnings = [
    opened.keyWarning,
    store.status.mode === 'safe-readonly' ? store.status.message : null,
  ].filter((w): w is string => w !== null);

  const status = new StationStatusService(
    {
      version: options.version,
      host: options.host,
      backend: null,
      engine: 'absent',
      network: { online: false, reason: 'Not checked yet', checkedAt: null },
      framesAnalyzed: 0,
      stationId,
      demo: false,
      warnings,
      // Verified by the store worker before it answered `ready` (start-up verification).
      auditChain: {
        ok: store.status.audit.ok,
        entries: store.status.audit.entries,
        problems: store.status.audit.problems,
        checkedAt: new Date().toISOString(),
      },
    },
    hub,
  );
  const engine = new EngineRuntime(
    options.engine ?? 'auto',
    {
      // Attribute checks (issue 4): computed only when a project policy enables them.
      checkModels: shippedCheckModels(),
      ...(options.engineWorkerPath ? { workerScript: options.engineWorkerPath } : {}),
    },
    status,
    logger,
  );
  engine.start();

  const demo = new DemoModeSwitch(config, store, engine, logger);
  const central = new CentralLink({
    store,
    stationId,
    environment: config,
    demo,
    hub,
    observer: {
      warnings: (list) => status.update({ warnings: [...warnings, ...list] }),
      network: (network, demoActive) => status.update({ network, demo: demoActive }),
    },
    connectivityIntervalMs: config.connectivityIntervalMs,
    enroller: lazyEnroller(engine),
    policy: DEFAULT_POLICY,
    log: logger,
  });
  await central.connect();
  const reporter = central.reporter;

  const latency = new LatencyRecorder();
  const verification = { store, engine, stationId, latency, demoActive: () => demo.active() };
  const handlers: Handlers = {
    ...stationHandlers(status, store),
    ...frameHandlers(status, engine, store),
    ...sessionHandlers(store),
    ...operatorHandlers(store),
    ...verificationHandlers(verification, () => void reporter.refresh()),
    ...resultHandlers(store, () => void reporter.refresh()),
    ...disagreementHandlers(store, () => void reporter.refresh()),
    ...syncHandlers(store, reporter),
    ...engineDiagnosticsHandlers({ store, engine, latency }),
    ...settingsHandlers({
      store,
      stationId,
      demo: () => demo.active(),
      onCentralChanged: () => void central.connect(),
      onPolicyChanged: (policy) => demo.current()?.setPolicy(policy),
    }),
    ...demoHandlers({ store, engine, demo: () => demo.current(), policy: DEFAULT_POLICY }),
    ...auditHandlers({ store, status }),
    ...cacheAgeHandlers(store),
  };

  return {
    dispatch: createDispatcher(handlers, logger),
    hub,
    status,
    engine,
    store,
    stationId,
    endpoint: () => central.endpoint(),
    demo: () => demo.current(),
    close: async () => {
      await central.close();
      await demo.close();
      await engine.close();
      await store.close();
    },
  };
}
