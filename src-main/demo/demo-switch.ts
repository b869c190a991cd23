// Demo mode for CentralLink: starts the local simulator when no central API is configured and
// the station may (demo-start.ts), and parks DEMO items when a real endpoint replaces it.
import { DemoMode } from './demo-mode';
import type { Logger } from '../../src-shared/logger';
import type { StoreClient } from '../store/client';
import { readProjectPolicy } from '../settings/project-policy';
import type { DemoEntry, DemoSwitch } from '../sync/central-link';
import { parkDemoOutboxItems } from './demo-outbox-guard';
import { decideDemo, type DemoPreference } from './demo-start';
import type { EngineRuntime } from '../station/engine-runtime';

export class DemoModeSwitch implements DemoSwitch {
  private mode: DemoMode | null = null;

  constructor(
    private readonly config: { demo: DemoPreference },
    private readonly store: StoreClient,
    private readonly engine: EngineRuntime,
    private readonly logger: Logger,
  ) {}

  current(): DemoMode | null {
    return this.mode;
  }

  active(): boolean {
    return this.mode !== null;
  }

  async enter(): Promise<DemoEntry> {
    const decision = await decideDemo(this.config, this.store);
    if (!decision.start) return { entered: false, reason: decision.reason };
    const mode = new DemoMode(() => this.engine.current(), await readProjectPolicy(this.store));
    const local = await mode.start();
    this.mode = mode;
    const besideRealData = decision.realDataPresent;
    this.logger.info('demo.started', { baseUrl: local.baseUrl, besideRealData });
    return { entered: true, ...local, besideRealData };
  }

  async leave(): Promise<void> {
    await this.close();
    const parked = await parkDemoOutboxItems(this.store);
    this.logger.info('demo.left', { parkedOutboxItems: parked });
  }

  async close(): Promise<void> {
    const mode = this.mode;
    this.mode = null;
    await mode?.close();
  }
}
