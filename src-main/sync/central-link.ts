// The central API's lifecycle in one place: which endpoint is in use (environment, settings or
// demo mode's simulator), the station's ONE connectivity monitor (sync lanes and the status bar
// read the same state, one probe per interval) and the sync service, restarted when the
// endpoint changes. host/services.ts only wires it.
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { Clock } from '../../src-shared/clock';
import type { Logger } from '../../src-shared/logger';
import type { EventHub } from '../bridge/event-hub';
import type { StoreClient } from '../store/client';
import { configuredEndpoint, storedEndpointProblem } from './central-endpoint';
import type { CentralEndpoint, CentralEnvironment } from './central-endpoint';
import { ConnectivityMonitor, type ConnectivityReader } from './connectivity';
import type { ConnectivityState } from './connectivity';
import type { Enroller } from './enroller';
import { SyncService } from './sync-service';
import { SyncStatusReporter } from './sync-status-reporter';
import { toSyncStatusView } from './sync-status-view';

export type DemoEntry =
  | {
      entered: true;
      baseUrl: string;
      faceAuthKey: string;
      idCheckKey: string;
      /** Started on a folder with real data (FACEAUTH_DEMO=on): pull stays off. */
      besideRealData: boolean;
    }
  | { entered: false; reason: string | null };

/** Demo mode as the link needs it; demo/demo-switch.ts implements it. */
export interface DemoSwitch {
  active(): boolean;
  /** Starts demo mode when the station may; otherwise why not (null: switched off). */
  enter(): Promise<DemoEntry>;
  /** Leaves demo mode for a real endpoint (DEMO items in the outbox are parked). */
  leave(): Promise<void>;
}

/** What the rest of the station shows about the link (the station status). */
export interface CentralLinkObserver {
  warnings(list: string[]): void;
  network(state: ConnectivityState, demoActive: boolean): void;
}

export interface CentralLinkOptions {
  store: StoreClient;
  stationId: string;
  environment: CentralEnvironment;
  demo: DemoSwitch;
  hub: EventHub;
  observer: CentralLinkObserver;
  connectivityIntervalMs: number;
  /** Enrolls pulled selfies; null disables pull for every endpoint. */
  enroller: Enroller | null;
  policy: ProjectPolicy;
  log: Pick<Logger, 'info' | 'warn'>;
  clock?: Clock;
  fetchImpl?: typeof fetch;
}

export class CentralLink {
  private current: CentralEndpoint | null = null;
  private demoBesideRealData = false;
  private sync: SyncService | null = null;
  private readonly monitor: ConnectivityMonitor;
  /** Reconnections run one after another: a settings save during start-up waits its turn. */
  private queue: Promise<void> = Promise.resolve();
  readonly reporter: SyncStatusReporter;

  constructor(private readonly options: CentralLinkOptions) {
    this.monitor = new ConnectivityMonitor({
      baseUrl: null,
      intervalMs: options.connectivityIntervalMs,
      clock: options.clock,
      fetchImpl: options.fetchImpl,
    });
    this.reporter = new SyncStatusReporter(
      options.store,
      this.monitor,
      options.hub,
      () => this.current !== null,
    );
    this.monitor.subscribe((network) => {
      options.log.info('network.changed', { ...network });
      options.observer.network(network, options.demo.active());
      void this.reporter.refresh();
    });
  }

  endpoint(): CentralEndpoint | null {
    return this.current;
  }

  connectivity(): ConnectivityReader {
    return this.monitor;
  }

  /** (Re)reads where the central API is; points the monitor and sync at it. */
  connect(): Promise<void> {
    const next = this.queue.then(() => this.reconnect());
    this.queue = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.monitor.stop();
    await this.sync?.stop();
    this.sync = null;
  }

  private async reconnect(): Promise<void> {
    const { store, environment, demo, observer, log } = this.options;
    const stored = await store.send('central:read', {});
    const configured = configuredEndpoint(environment, stored);
    const warnings: string[] = [];
    const refusedUrl = environment.centralBaseUrl === null ? storedEndpointProblem(stored) : null;
    if (refusedUrl !== null) {
      log.warn('central.urlRefused', { reason: refusedUrl });
      warnings.push(refusedUrl);
    }
    if (configured !== null) {
      if (demo.active()) await demo.leave();
      this.current = configured;
    } else if (!demo.active()) {
      this.current = null;
      const entry = await demo.enter();
      if (entry.entered) {
        this.demoBesideRealData = entry.besideRealData;
        const { baseUrl, faceAuthKey, idCheckKey } = entry;
        this.current = { baseUrl, faceAuthKey, idCheckKey, source: 'demo' };
      } else if (entry.reason !== null) {
        log.warn('central.notConfigured', { reason: entry.reason });
        warnings.push(entry.reason);
      }
    }
    observer.warnings(warnings);
    this.monitor.retarget(this.current?.baseUrl ?? null);
    observer.network(this.monitor.current(), demo.active());
    this.monitor.start();
    await this.restartSync();
  }

  /** One sync service per central endpoint; it needs both ARGOS keys to run. */
  private async restartSync(): Promise<void> {
    await this.sync?.stop();
    this.sync = null;
    this.reporter.attach(null);
    const endpoint = this.current;
    if (endpoint === null || endpoint.faceAuthKey === null || endpoint.idCheckKey === null) return;
    const { options } = this;
    const demo = endpoint.source === 'demo';
    const service = new SyncService({
      store: options.store,
      stationId: options.stationId,
      api: {
        baseUrl: endpoint.baseUrl,
        faceAuthKey: endpoint.faceAuthKey,
        idCheckKey: endpoint.idCheckKey,
      },
      // The simulator gets only DEMO items; any other API gets none (checked at push time).
      dataScope: demo ? 'demo' : 'real',
      // Pulling from the simulator would revalidate real cached submissions away.
      enroller: demo && this.demoBesideRealData ? null : options.enroller,
      policy: options.policy,
      connectivity: this.monitor,
      fetchImpl: options.fetchImpl,
      log: {
        info: (message, fields) => options.log.info(`sync.${message}`, fields),
        warn: (message, fields) => options.log.warn(`sync.${message}`, fields),
      },
    });
    service.on('status', (next) => options.hub.emit('sync:statusChanged', toSyncStatusView(next)));
    this.reporter.attach({
      status: async () => toSyncStatusView(await service.refreshStatus()),
      runNow: async () => {
        await service.runOnce({ pull: true });
      },
      nudge: () => service.nudge(),
    });
    service.start();
    this.sync = service;
  }
}
