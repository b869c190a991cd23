// The sync service main owns: two independent lanes, push (results, then overrides and audit
// heads) and pull (submissions), each paced by its own timer. Neither lane spins: offline it
// waits for the connectivity monitor, paused (429, refused key) it waits out the pause, with
// nothing due it sleeps `idleMs` or until nudge(). Everything it needs to resume lives in the
// store, so a crash at any point loses nothing (see docs/sync.md).
import { EventEmitter } from 'node:events';
import type { OutboxItem } from '../store/queries/outbox';
import { ArgosClient } from './argos-client';
import { DEFAULT_BACKOFF, retryDelay } from './backoff';
import { ConnectivityMonitor, type ConnectivityReader } from './connectivity';
import { asPullCursor, PULL_CURSOR } from './pull-cursor';
import type { PullProgress } from './pull-progress';
import { SubmissionPuller, type PullOptions } from './pull-submissions';
import { pushEvents } from './push-events';
import { pushResults, type PushOptions } from './push-results';
import { addDays, silentLogger, utcDay, type Pause, type SyncContext } from './sync-context';
import { SYNC_DEFAULTS, type SyncServiceOptions } from './sync-options';
import type { SyncEvents, SyncRunReport, SyncState, SyncStatus } from './sync-status';

const MAX_BATCHES_PER_PASS = 10_000;
const PUSH_CURSOR = 'push';

interface StatusCounts {
  submissions: number;
  verifiable: number;
  oldestVerifiableSeenAt: number | null;
  unsyncedResults: number;
  openDisagreements: number;
  lastPullCompletedAt: number | null;
}

export class SyncService extends EventEmitter<SyncEvents> {
  private readonly ctx: SyncContext | null;
  private readonly monitor: ConnectivityReader;
  /** Set only when no shared monitor was given: then this service probes on its own. */
  private readonly ownMonitor: ConnectivityMonitor | null;
  private unsubscribe: (() => void) | null = null;
  private readonly pushOptions: PushOptions & { batchSize: number; leaseMs: number };
  private readonly puller: SubmissionPuller | null;
  private readonly clock: () => number;
  private current: SyncStatus;
  private pause: Pause | null = null;
  private eventsRetryAt = 0;
  private eventsFailures = 0;
  private pushFailures = 0;
  private pullFailures = 0;
  private lastPullRunAt: number | null = null;
  private lastSuccessfulSyncAt: number | null = null;
  private lastError: string | null = null;
  private running = false;
  private stopping = false;
  private claimsReleased = false;
  private wake: (() => void) | null = null;
  private lanes: Promise<void>[] = [];
  private pushPass: Promise<SyncRunReport> | null = null;
  private pullPass: Promise<PullProgress | null> | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    super();
    this.clock = options.clock ?? Date.now;
    const backoff = { ...DEFAULT_BACKOFF, ...SYNC_DEFAULTS.backoff, ...options.backoff };
    this.pushOptions = { ...SYNC_DEFAULTS.push, ...options.push };
    this.ctx =
      options.api === null
        ? null
        : {
            store: options.store,
            client: new ArgosClient(options.api, options.fetchImpl, this.clock),
            stationId: options.stationId,
            clock: this.clock,
            random: options.random ?? Math.random,
            backoff,
            log: options.log ?? silentLogger,
            scope: options.dataScope ?? 'real',
          };
    this.ownMonitor =
      options.connectivity === undefined
        ? new ConnectivityMonitor({
            baseUrl: options.api?.baseUrl ?? null,
            intervalMs: options.connectivityIntervalMs ?? SYNC_DEFAULTS.connectivityIntervalMs,
            fetchImpl: options.fetchImpl,
          })
        : null;
    this.monitor = options.connectivity ?? (this.ownMonitor as ConnectivityMonitor);
    const pullDefaults = SYNC_DEFAULTS.pull;
    const pullOptions: PullOptions = {
      fromDate: options.pull?.fromDate ?? addDays(utcDay(this.clock()), -pullDefaults.fromDaysAgo),
      windowDays: options.pull?.windowDays ?? pullDefaults.windowDays,
      pageSize: options.pull?.pageSize ?? pullDefaults.pageSize,
      revalidateEveryMs: options.pull?.revalidateEveryMs ?? pullDefaults.revalidateEveryMs,
      overlapDays: options.pull?.overlapDays ?? pullDefaults.overlapDays,
      policy: options.policy,
    };
    this.puller =
      this.ctx === null || options.enroller === null
        ? null
        : new SubmissionPuller(this.ctx, options.enroller, pullOptions, (progress) =>
            this.emit('pullProgress', progress),
          );
    this.current = this.compose(null, null);
  }

  status(): SyncStatus {
    return this.current;
  }

  /** Starts both lanes. Resolves once started; the lanes run until stop(). */
  start(): void {
    if (this.running || this.ctx === null) return;
    this.running = true;
    this.stopping = false;
    this.unsubscribe = this.monitor.subscribe(() => {
      this.poke();
      void this.refreshStatus();
    });
    this.ownMonitor?.start();
    this.lanes = [this.lane('push'), ...(this.puller === null ? [] : [this.lane('pull')])];
    void this.refreshStatus();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.ownMonitor?.stop();
    this.poke();
    await Promise.allSettled(this.lanes);
    this.lanes = [];
    this.running = false;
    await this.refreshStatus();
  }

  /** A new result or override was recorded: push soon rather than after the idle wait. */
  nudge(): void {
    this.poke();
  }

  /** One pass of each lane, now (tests, the "sync now" button). */
  async runOnce(options: { pull?: boolean } = {}): Promise<SyncRunReport> {
    const report = await this.runPushPass();
    if (options.pull !== false && this.puller !== null) report.pulled = await this.runPullPass();
    await this.refreshStatus();
    return report;
  }

  async refreshStatus(): Promise<SyncStatus> {
    try {
      const [counts, queue] = await Promise.all([
        this.options.store.send('sync:counts', {}),
        this.options.store.send('outbox:counts', {}),
      ]);
      const cursor = asPullCursor(
        await this.options.store.send('sync:cursorGet', { name: PULL_CURSOR }),
      );
      if (this.lastSuccessfulSyncAt === null) {
        const push = (await this.options.store.send('sync:cursorGet', { name: PUSH_CURSOR })) as {
          lastSuccessfulSyncAt?: number;
        } | null;
        this.lastSuccessfulSyncAt = push?.lastSuccessfulSyncAt ?? null;
      }
      this.current = this.compose(
        { ...counts, lastPullCompletedAt: cursor.lastCompletedAt },
        queue,
      );
    } catch (error) {
      // The store may be closing; keep the last status rather than fail a caller.
      this.lastError = error instanceof Error ? error.message : String(error);
      this.current = { ...this.current, lastError: this.lastError };
    }
    this.emit('status', this.current);
    return this.current;
  }

  private compose(
    counts: StatusCounts | null,
    queue: { pending: number; parked: number } | null,
  ): SyncStatus {
    const now = this.clock();
    const connectivity = this.monitor.current();
    const paused = this.pause !== null && this.pause.until > now ? this.pause : null;
    let state: SyncState;
    if (this.ctx === null) state = 'not_configured';
    else if (!this.running) state = 'stopped';
    else if (!connectivity.online) state = 'offline';
    else if (paused !== null) state = 'paused';
    else if (this.pushPass !== null || this.pullPass !== null) state = 'syncing';
    else state = 'idle';
    return {
      state,
      online: connectivity.online,
      reason: paused?.reason ?? (connectivity.online ? null : connectivity.reason),
      queue: {
        pending: queue?.pending ?? this.current?.queue.pending ?? 0,
        parked: queue?.parked ?? this.current?.queue.parked ?? 0,
        unsyncedResults: counts?.unsyncedResults ?? this.current?.queue.unsyncedResults ?? 0,
      },
      lastSuccessfulSyncAt: this.lastSuccessfulSyncAt,
      lastError: this.lastError,
      pausedUntil: paused?.until ?? null,
      cache: {
        submissions: counts?.submissions ?? this.current?.cache.submissions ?? 0,
        verifiable: counts?.verifiable ?? this.current?.cache.verifiable ?? 0,
        lastPullCompletedAt:
          counts?.lastPullCompletedAt ?? this.current?.cache.lastPullCompletedAt ?? null,
        oldestConfirmationAgeMs:
          counts?.oldestVerifiableSeenAt == null
            ? null
            : Math.max(0, now - counts.oldestVerifiableSeenAt),
      },
      pull: this.puller?.current() ?? null,
      openDisagreements: counts?.openDisagreements ?? this.current?.openDisagreements ?? 0,
    };
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Sleeps until `ms` passes, nudge()/connectivity/stop wakes it; never a busy wait. */
  private sleep(ms: number): Promise<void> {
    // stop() pokes only the lanes already asleep; a lane that finishes its pass afterwards must
    // not then sleep a full pull interval before it sees `stopping`.
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        done();
      };
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private async lane(kind: 'push' | 'pull'): Promise<void> {
    const idleMs = this.options.idleMs ?? SYNC_DEFAULTS.idleMs;
    while (!this.stopping) {
      const now = this.clock();
      if (!this.monitor.current().online) {
        // The monitor re-probes on its own (less often while offline) and pokes us on change.
        await this.sleep(idleMs * 4);
        continue;
      }
      if (this.pause !== null && this.pause.until > now) {
        await this.sleep(this.pause.until - now);
        continue;
      }
      try {
        if (kind === 'push') {
          const report = await this.runPushPass();
          const wait =
            report.failed > 0 && report.delivered === 0 ? this.laneBackoff('push') : idleMs;
          await this.refreshStatus();
          await this.sleep(wait);
        } else {
          const due = await this.pullDue();
          if (due) {
            const progress = await this.runPullPass();
            await this.refreshStatus();
            if (progress?.phase === 'failed') {
              await this.sleep(this.laneBackoff('pull'));
              continue;
            }
            this.pullFailures = 0;
          }
          await this.sleep(
            Math.min(this.options.pullEveryMs ?? SYNC_DEFAULTS.pullEveryMs, idleMs * 12),
          );
        }
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.log?.warn('sync pass failed', { lane: kind, error: this.lastError });
        await this.sleep(this.laneBackoff(kind));
      }
    }
  }

  /** Overrides and audit entries; while the endpoint backs off they wait, not hold a lease. */
  private async pushEventItems(
    ctx: SyncContext,
    items: OutboxItem[],
    report: SyncRunReport,
  ): Promise<void> {
    let untouched = items;
    if (this.clock() >= this.eventsRetryAt) {
      const events = await pushEvents(ctx, items);
      report.eventsSent += events.eventsSent;
      report.parked += events.parked;
      untouched = events.untouched;
      if (events.failed) {
        report.failed += 1;
        const asked = events.pause === null ? null : events.pause.until - this.clock();
        this.eventsRetryAt =
          this.clock() + retryDelay(this.eventsFailures++, ctx.backoff, asked, ctx.random);
        if (events.pause !== null) this.pause = events.pause;
      } else {
        this.eventsFailures = 0;
      }
    }
    for (const item of untouched) {
      await ctx.store.send('outbox:fail', {
        outboxId: item.outboxId,
        error: 'station-events endpoint backing off',
        nextAttemptAt: Math.max(this.eventsRetryAt, this.clock() + 1),
      });
    }
  }

  private laneBackoff(kind: 'push' | 'pull'): number {
    const ctx = this.ctx;
    if (ctx === null) return 0;
    const failures = kind === 'push' ? this.pushFailures++ : this.pullFailures++;
    return retryDelay(failures, ctx.backoff, null, ctx.random) + ctx.backoff.baseMs / 10;
  }

  private async pullDue(): Promise<boolean> {
    const cursor = asPullCursor(
      await this.options.store.send('sync:cursorGet', { name: PULL_CURSOR }),
    );
    if (cursor.active !== null) return true;
    const every = this.options.pullEveryMs ?? SYNC_DEFAULTS.pullEveryMs;
    const last = this.lastPullRunAt ?? cursor.lastCompletedAt;
    return last === null || this.clock() - last >= every;
  }

  private runPushPass(): Promise<SyncRunReport> {
    this.pushPass ??= this.pushAll().finally(() => {
      this.pushPass = null;
    });
    return this.pushPass;
  }

  private runPullPass(): Promise<PullProgress | null> {
    this.pullPass ??= this.pullOnce().finally(() => {
      this.pullPass = null;
    });
    return this.pullPass;
  }

  private async pullOnce(): Promise<PullProgress | null> {
    if (this.puller === null) return null;
    this.lastPullRunAt = this.clock();
    const run = await this.puller.run(() => this.stopping);
    if (run.kind === 'failed') {
      this.lastError = `pull: ${run.outcome.message}`;
      const ctx = this.ctx;
      if (ctx !== null && run.outcome.kind === 'refused' && run.outcome.status === 429) {
        this.pause = {
          until: this.clock() + (run.outcome.retryAfterMs ?? ctx.backoff.baseMs),
          reason: 'rate limited (429)',
        };
      }
    }
    return run.progress;
  }

  private async pushAll(): Promise<SyncRunReport> {
    const ctx = this.ctx;
    const report: SyncRunReport = {
      delivered: 0,
      reconciledFound: 0,
      reposted: 0,
      parked: 0,
      failed: 0,
      eventsSent: 0,
      pulled: null,
      clean: true,
    };
    if (ctx === null) return report;
    if (!this.claimsReleased) {
      // Leases left by a killed process would otherwise hold their items until they expire.
      await ctx.store.send('sync:releaseClaims', {});
      this.claimsReleased = true;
    }
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !this.stopping; batch += 1) {
      if (this.pause !== null && this.pause.until > this.clock()) break;
      const items = await ctx.store.send('outbox:claim', {
        limit: this.pushOptions.batchSize,
        leaseMs: this.pushOptions.leaseMs,
      });
      if (items.length === 0) break;
      const results = items.filter((item) => item.kind === 'result');
      const others = items.filter((item) => item.kind !== 'result');
      const pushed = await pushResults(ctx, results, this.pushOptions);
      report.delivered += pushed.delivered;
      report.reconciledFound += pushed.reconciledFound;
      report.reposted += pushed.reconciledAbsent;
      report.parked += pushed.parked;
      report.failed += pushed.failed + pushed.deferred;
      if (pushed.disagreements > 0) this.emit('disagreement', { count: pushed.disagreements });
      if (pushed.pause !== null) this.pause = pushed.pause;
      if (others.length > 0) await this.pushEventItems(ctx, others, report);
      if (pushed.delivered > 0) this.pushFailures = 0;
      // Only held-back results left: the next claim would return the same ones; wait instead.
      if (pushed.held > 0 && pushed.held === results.length && others.length === 0) break;
    }
    report.clean = report.failed === 0 && report.parked === 0;
    if (report.clean) {
      const now = this.clock();
      // Persisted so the UI shows it after a restart, but not on every idle pass (each write
      // is an fsync): when something moved, or once a minute.
      const persist =
        report.delivered + report.eventsSent > 0 ||
        this.lastSuccessfulSyncAt === null ||
        now - this.lastSuccessfulSyncAt >= 60_000;
      this.lastSuccessfulSyncAt = now;
      this.pushFailures = 0;
      if (persist) {
        await ctx.store.send('sync:cursorSet', {
          name: PUSH_CURSOR,
          value: { lastSuccessfulSyncAt: now },
        });
      }
    }
    return report;
  }
}
