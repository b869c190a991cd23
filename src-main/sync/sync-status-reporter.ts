// What the status bar shows about sync, pushed to every renderer when it may have changed.
// Until the sync service is attached it reports the queue and connectivity on its own.
import type { SyncStatus } from '../../src-shared/contract/sync';
import type { EventHub } from '../bridge/event-hub';
import type { StoreClient } from '../store/client';
import { callStore } from '../store/call-store';
import type { ConnectivityReader } from './connectivity';

export interface SyncEngineView {
  status(): Promise<SyncStatus>;
  runNow(): Promise<void>;
  /** Something new waits in the outbox: push it now rather than at the next idle tick. */
  nudge(): void;
}

export class SyncStatusReporter {
  private engine: SyncEngineView | null = null;

  constructor(
    private readonly store: StoreClient,
    private readonly connectivity: ConnectivityReader,
    private readonly hub: EventHub,
    private readonly configured: () => boolean,
  ) {}

  attach(engine: SyncEngineView | null): void {
    this.engine = engine;
  }

  async current(): Promise<SyncStatus> {
    if (this.engine) return this.engine.status();
    const queue = await callStore(this.store, 'outbox:counts', {});
    const network = this.connectivity.current();
    return {
      configured: this.configured(),
      online: network.online,
      queue,
      lastSuccessAt: null,
      lastError: network.reason,
      cache: { submissions: 0, freshAt: null },
      disagreements: 0,
      pull: null,
    };
  }

  async runNow(): Promise<SyncStatus> {
    await this.engine?.runNow();
    return this.refresh();
  }

  /** Recomputes and pushes the status; called after anything that changes the queue. */
  async refresh(): Promise<SyncStatus> {
    this.engine?.nudge();
    const status = await this.current();
    this.hub.emit('sync:statusChanged', status);
    return status;
  }
}
