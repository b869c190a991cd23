// The sync service main owns: two independent lanes, push (results, then overrides and audit
// heads) and pull (submissions), each paced by its own timer. Neither lane spins: offline it
// waits for the connectivity monitor, paused (429, refused key) it waits out the pause, with
// nothing due it sleeps `idleMs` or until nudge(). Everything it needs to resume lives in the
// store, so a crash at any point loses nothing (see docs/sync.md).
import { EventEmitter } from 'node:events';
import { ArgosClient } from './argos-client';
import { DEFAULT_BACKOFF, retryDelay } from './backoff';
import { ConnectivityMonitor, type ConnectivityReader } from './connectivity';
import { asPullCursor, PULL_CURSOR } from './pull-cursor';
import type { PullProgress } from './pull-progress';
import { SubmissionPuller, type PullOptions } from './pull-submissions';
import { LaneSleeper } from './lane-sleeper';
import { emptyRunReport, PUSH_CURSOR, PushLane } from './push-lane';
import { composeStatus, type StatusCounts } from './status-composer';
import { addDays, silentLogger, utcDay, type Pause, type SyncContext } from './sync-context';
import { SYNC_DEFAULTS, type SyncServiceOptions } from './sync-options';
import type { SyncEvents, SyncRunReport, SyncStatus } from './sync-status';

export class SyncService extends EventEmitter<SyncEvents> {
  private readonly ctx: SyncContext | null;
  private readonly monitor: ConnectivityReader;
  /** Set only when no shared monitor was given: then this service probes on its own. */
  private readonly ownMonitor: ConnectivityMonitor | null;
  private unsubscribe: (() => void) | null = null;
  private readonly pusher: PushLane | null;
  private readonly puller: SubmissionPuller | null;
  private readonly clock: () => number;
  private current: SyncStatus;
  private pause: Pause | null = null;
  private pushFailures = 0;
  private pullFailures = 0;
  private lastPullRunAt: number | null = null;
  private lastError: string | null = null;
  private running = false;
  private stopping = false;
  private readonly sleeper: LaneSleeper;
  private lanes: Promise<void>[] = [];
  private pushPass: Promise<SyncRunReport> | null = null;
  private pullPass: Promise<PullProgress | null> | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    super();
    this.clock = options.clock ?? Date.now;
    this.sleeper = new LaneSleeper(() => this.stopping, options.timers);
    const backoff = { ...DEFAULT_BACKOFF, ...SYNC_DEFAULTS.backoff, ...options.backoff };
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
    this.pusher =
      this.ctx === null
        ? null
        : new PushLane(
            this.ctx,
            { ...SYNC_DEFAULTS.push, ...options.push },
            {
              pause: () => this.pause,
              setPause: (pause) => {
                this.pause = pause;
              },
              stopping: () => this.stopping,
              disagreements: (count) => this.emit('disagreement', { count }),
            },
          );
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
      this.sleeper.poke();
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
    this.sleeper.poke();
    await Promise.allSettled(this.lanes);
    this.lanes = [];
    this.running = false;
    await this.refreshStatus();
  }

  /** A new result or override was recorded: push soon rather than after the idle wait. */
  nudge(): void {
    this.sleeper.poke();
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
      if (this.pusher !== null && this.pusher.lastSuccessfulSyncAt === null) {
        const push = (await this.options.store.send('sync:cursorGet', { name: PUSH_CURSOR })) as {
          lastSuccessfulSyncAt?: number;
        } | null;
        this.pusher.lastSuccessfulSyncAt = push?.lastSuccessfulSyncAt ?? null;
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
    const state = {
      now: this.clock(),
      configured: this.ctx !== null,
      running: this.running,
      busy: this.pushPass !== null || this.pullPass !== null,
      connectivity: this.monitor.current(),
      pause: this.pause,
      lastSuccessfulSyncAt: this.pusher?.lastSuccessfulSyncAt ?? null,
      lastError: this.lastError,
      pull: this.puller?.current() ?? null,
    };
    // Called once from the constructor, before `current` holds a status.
    return composeStatus(state, counts, queue, (this.current as SyncStatus | undefined) ?? null);
  }

  private async lane(kind: 'push' | 'pull'): Promise<void> {
    const idleMs = this.options.idleMs ?? SYNC_DEFAULTS.idleMs;
    while (!this.stopping) {
      const now = this.clock();
      if (!this.monitor.current().online) {
        // The monitor re-probes on its own (less often while offline) and pokes us on change.
        await this.sleeper.sleep(idleMs * 4);
        continue;
      }
      if (this.pause !== null && this.pause.until > now) {
        await this.sleeper.sleep(this.pause.until - now);
        continue;
      }
      try {
        if (kind === 'push') {
          const report = await this.runPushPass();
          const wait =
            report.failed > 0 && report.delivered === 0 ? this.laneBackoff('push') : idleMs;
          await this.refreshStatus();
          await this.sleeper.sleep(wait);
        } else {
          const due = await this.pullDue();
          if (due) {
            const progress = await this.runPullPass();
            await this.refreshStatus();
            if (progress?.phase === 'failed') {
              await this.sleeper.sleep(this.laneBackoff('pull'));
              continue;
            }
            this.pullFailures = 0;
          }
          await this.sleeper.sleep(
            Math.min(this.options.pullEveryMs ?? SYNC_DEFAULTS.pullEveryMs, idleMs * 12),
          );
        }
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.log?.warn('sync pass failed', { lane: kind, error: this.lastError });
        await this.sleeper.sleep(this.laneBackoff(kind));
      }
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
    this.pushPass ??= this.pushOnce().finally(() => {
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

  private async pushOnce(): Promise<SyncRunReport> {
    if (this.pusher === null) return emptyRunReport();
    const report = await this.pusher.pass();
    if (report.delivered > 0 || report.clean) this.pushFailures = 0;
    return report;
  }
}
