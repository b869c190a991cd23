// The push lane's pass: claims due outbox items in batches, delivers results (push-results.ts)
// and events (push-events.ts), and remembers the last clean pass. SyncService schedules it.
import type { OutboxItem } from '../database/queries/outbox';
import { retryDelay } from './backoff';
import { pushEvents } from './push-events';
import { pushResults, type PushOptions } from './push-results';
import type { Pause, SyncContext } from './sync-context';
import type { SyncRunReport } from './sync-status';

const MAX_BATCHES_PER_PASS = 10_000;
export const PUSH_CURSOR = 'push';

/** What the lane shares with the scheduler: the pause both lanes honour, and stop. */
export interface PushLaneHost {
  pause(): Pause | null;
  setPause(pause: Pause): void;
  stopping(): boolean;
  disagreements(count: number): void;
}

export function emptyRunReport(): SyncRunReport {
  return {
    delivered: 0,
    reconciledFound: 0,
    reposted: 0,
    parked: 0,
    failed: 0,
    eventsSent: 0,
    pulled: null,
    clean: true,
  };
}

export class PushLane {
  private eventsRetryAt = 0;
  private eventsFailures = 0;
  private claimsReleased = false;
  /** When a pass last handled every due item (ms since epoch), null until known. */
  lastSuccessfulSyncAt: number | null = null;

  constructor(
    private readonly ctx: SyncContext,
    private readonly options: PushOptions & { batchSize: number; leaseMs: number },
    private readonly host: PushLaneHost,
  ) {}

  async pass(): Promise<SyncRunReport> {
    const { ctx, host } = this;
    const report = emptyRunReport();
    if (!this.claimsReleased) {
      // Leases left by a killed process would otherwise hold their items until they expire.
      await ctx.store.send('sync:releaseClaims', {});
      this.claimsReleased = true;
    }
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !host.stopping(); batch += 1) {
      const pause = host.pause();
      if (pause !== null && pause.until > ctx.clock()) break;
      const items = await ctx.store.send('outbox:claim', {
        limit: this.options.batchSize,
        leaseMs: this.options.leaseMs,
      });
      if (items.length === 0) break;
      const results = items.filter((item) => item.kind === 'result');
      const others = items.filter((item) => item.kind !== 'result');
      const pushed = await pushResults(ctx, results, this.options);
      report.delivered += pushed.delivered;
      report.reconciledFound += pushed.reconciledFound;
      report.reposted += pushed.reconciledAbsent;
      report.parked += pushed.parked;
      report.failed += pushed.failed + pushed.deferred;
      if (pushed.disagreements > 0) host.disagreements(pushed.disagreements);
      if (pushed.pause !== null) host.setPause(pushed.pause);
      if (others.length > 0) await this.pushEventItems(others, report);
      // Only held-back results left: the next claim would return the same ones; wait instead.
      if (pushed.held > 0 && pushed.held === results.length && others.length === 0) break;
    }
    report.clean = report.failed === 0 && report.parked === 0;
    if (report.clean) await this.noteSuccess(report);
    return report;
  }

  /** Overrides and audit entries; while the endpoint backs off they wait, not hold a lease. */
  private async pushEventItems(items: OutboxItem[], report: SyncRunReport): Promise<void> {
    const { ctx } = this;
    let untouched = items;
    if (ctx.clock() >= this.eventsRetryAt) {
      const events = await pushEvents(ctx, items);
      report.eventsSent += events.eventsSent;
      report.parked += events.parked;
      untouched = events.untouched;
      if (events.failed) {
        report.failed += 1;
        const asked = events.pause === null ? null : events.pause.until - ctx.clock();
        this.eventsRetryAt =
          ctx.clock() + retryDelay(this.eventsFailures++, ctx.backoff, asked, ctx.random);
        if (events.pause !== null) this.host.setPause(events.pause);
      } else {
        this.eventsFailures = 0;
      }
    }
    for (const item of untouched) {
      await ctx.store.send('outbox:fail', {
        outboxId: item.outboxId,
        error: 'station-events endpoint backing off',
        nextAttemptAt: Math.max(this.eventsRetryAt, ctx.clock() + 1),
      });
    }
  }

  private async noteSuccess(report: SyncRunReport): Promise<void> {
    const now = this.ctx.clock();
    // Persisted so the UI shows it after a restart, but not on every idle pass (each write is
    // an fsync): when something moved, or once a minute.
    const persist =
      report.delivered + report.eventsSent > 0 ||
      this.lastSuccessfulSyncAt === null ||
      now - this.lastSuccessfulSyncAt >= 60_000;
    this.lastSuccessfulSyncAt = now;
    if (persist) {
      await this.ctx.store.send('sync:cursorSet', {
        name: PUSH_CURSOR,
        value: { lastSuccessfulSyncAt: now },
      });
    }
  }
}
