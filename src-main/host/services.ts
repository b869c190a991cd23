// Builds main's services once, for either host (Electron or the browser host): both get the
// same handlers, the same validation and the same events. Each domain declares its handlers;
// this file only wires them together.
import { shippedCheckModels } from '../checks/check-model';
import { EventHub } from '../bridge/event-hub';
import { createDispatcher, type Dispatch } from '../bridge/dispatcher';
import type { Handlers } from '../bridge/handlers';
import { DEFAULT_POLICY } from '../engine';
import { frameHandlers } from '../frame/handlers';
import { resultHandlers } from '../results/handlers';
import { disagreementHandlers } from '../results/disagreement-handlers';
import { operatorHandlers } from '../session/operator-handlers';
import { sessionHandlers } from '../session/handlers';
import { settingsHandlers } from '../settings/handlers';
import { stationHandlers } from '../station/handlers';
import { StationStatusService } from '../station/station-status';
import { openStationStore } from '../store/station-store';
import type { KeyWrapper } from '../store/keys/key-wrapper';
import type { StoreClient } from '../store/client';
import { ConnectivityMonitor } from '../sync/connectivity';
import { demoHandlers } from '../demo/handlers';
import { DemoMode } from '../demo/demo-mode';
import { verificationHandlers } from '../verification/handlers';
import { LatencyRecorder } from '../verification/latency-recorder';
import {
  configuredEndpoint,
  storedEndpointProblem,
  type CentralEndpoint,
} from './central-endpoint';
import { decideDemo } from './demo-start';
import type { StationConfig } from './config';
import { EngineRuntime, type EngineMode } from './engine-runtime';
import type { Logger } from './logger';
import { loadStationId } from './station-identity';
import { SyncService } from '../sync/sync-service';
import { parkDemoOutboxItems } from './demo-outbox-guard';
import { lazyEnroller } from './lazy-enroller';
import { syncHandlers } from './sync-handlers';
import { toSyncStatusView } from './sync-status-view';
import { SyncStatusReporter } from './sync-status-reporter';
import { readProjectPolicy } from '../settings/project-policy';
import { auditHandlers } from '../settings/audit-handlers';

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

  let endpoint: CentralEndpoint | null = null;
  let demo: DemoMode | null = null;
  /** Demo mode started on a folder with real data (FACEAUTH_DEMO=on): pull stays off. */
  let demoBesideRealData = false;
  let sync: SyncService | null = null;
  let connectivity = new ConnectivityMonitor({
    baseUrl: null,
    intervalMs: config.connectivityIntervalMs,
    onChange: () => {},
  });

  const reporter = new SyncStatusReporter(
    store,
    () => connectivity,
    hub,
    () => endpoint !== null,
  );

  /** (Re)reads where the central API is and points connectivity (and later sync) at it. */
  async function connectCentral(): Promise<void> {
    const stored = await store.send('central:read', {});
    const configured = configuredEndpoint(config, stored);
    const centralWarnings: string[] = [];
    const refusedUrl = config.centralBaseUrl === null ? storedEndpointProblem(stored) : null;
    if (refusedUrl !== null) {
      logger.warn('central.urlRefused', { reason: refusedUrl });
      centralWarnings.push(refusedUrl);
    }
    if (configured !== null && demo !== null) {
      await demo.close();
      demo = null;
      const parked = await parkDemoOutboxItems(store);
      logger.info('demo.left', { parkedOutboxItems: parked });
    }
    if (configured !== null) {
      endpoint = configured;
    } else if (demo === null) {
      endpoint = null;
      const decision = await decideDemo(config, store);
      if (decision.start) {
        demo = new DemoMode(() => engine.current(), await readProjectPolicy(store));
        demoBesideRealData = decision.realDataPresent;
        const local = await demo.start();
        logger.info('demo.started', { baseUrl: local.baseUrl, besideRealData: demoBesideRealData });
        endpoint = { ...local, source: 'demo' };
      } else if (decision.reason !== null) {
        logger.warn('central.notConfigured', { reason: decision.reason });
        centralWarnings.push(decision.reason);
      }
    }
    status.update({ warnings: [...warnings, ...centralWarnings] });
    connectivity.stop();
    connectivity = new ConnectivityMonitor({
      baseUrl: endpoint?.baseUrl ?? null,
      intervalMs: config.connectivityIntervalMs,
      onChange: (network) => {
        logger.info('network.changed', { ...network });
        status.update({ network });
        void reporter.refresh();
      },
    });
    status.update({ network: connectivity.current(), demo: demo !== null });
    connectivity.start();
    await restartSync();
  }

  /** One sync service per central endpoint; it needs both ARGOS keys to run. */
  async function restartSync(): Promise<void> {
    await sync?.stop();
    sync = null;
    reporter.attach(null);
    if (endpoint === null || endpoint.faceAuthKey === null || endpoint.idCheckKey === null) return;
    const service = new SyncService({
      store,
      stationId,
      api: {
        baseUrl: endpoint.baseUrl,
        faceAuthKey: endpoint.faceAuthKey,
        idCheckKey: endpoint.idCheckKey,
      },
      // The simulator gets only DEMO items; any other API gets none (checked at push time).
      dataScope: endpoint.source === 'demo' ? 'demo' : 'real',
      // Pulling from the simulator would revalidate real cached submissions away.
      enroller: endpoint.source === 'demo' && demoBesideRealData ? null : lazyEnroller(engine),
      policy: DEFAULT_POLICY,
      connectivityIntervalMs: config.connectivityIntervalMs,
      log: {
        info: (message, fields) => logger.info(`sync.${message}`, fields),
        warn: (message, fields) => logger.warn(`sync.${message}`, fields),
      },
    });
    service.on('status', (next) => hub.emit('sync:statusChanged', toSyncStatusView(next)));
    reporter.attach({
      status: async () => toSyncStatusView(await service.refreshStatus()),
      runNow: async () => {
        await service.runOnce({ pull: true });
      },
      nudge: () => service.nudge(),
    });
    service.start();
    sync = service;
  }
  await connectCentral();

  const latency = new LatencyRecorder();
  const verification = { store, engine, stationId, latency, demoActive: () => demo !== null };
  const handlers: Handlers = {
    ...stationHandlers(status, store),
    ...frameHandlers(status, engine, store),
    ...sessionHandlers(store),
    ...operatorHandlers(store),
    ...verificationHandlers(verification, () => void reporter.refresh()),
    ...resultHandlers(store, () => void reporter.refresh()),
    ...disagreementHandlers(store, () => void reporter.refresh()),
    ...syncHandlers(store, reporter),
    ...settingsHandlers({
      store,
      engine,
      stationId,
      latency,
      demo: () => demo !== null,
      onCentralChanged: () => void connectCentral(),
      onPolicyChanged: (policy) => demo?.setPolicy(policy),
    }),
    ...demoHandlers({ store, engine, demo: () => demo, policy: DEFAULT_POLICY }),
    ...auditHandlers({ store, status }),
  };

  return {
    dispatch: createDispatcher(handlers, logger),
    hub,
    status,
    engine,
    store,
    stationId,
    endpoint: () => endpoint,
    demo: () => demo,
    close: async () => {
      connectivity.stop();
      await sync?.stop();
      await demo?.close();
      await engine.close();
      await store.close();
    },
  };
}
