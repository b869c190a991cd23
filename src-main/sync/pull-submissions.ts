// Pull: sweeps GET /v3/submission by date windows and pages, applies each page with the cursor
// that points past it (one store transaction), and ends a full sweep by checking cached approved
// submissions the listing no longer showed (GET by id: gone → 'delete', else its status).
// A full sweep runs every `revalidateEveryMs` so status changes of old submissions are seen
// (ASSUMED: the listing filters on creation time, so a window sweep alone would miss them);
// in between, incremental sweeps cover only the days since the last one.
import { randomUUID } from 'node:crypto';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { PulledPage } from '../store/services/sync-pull';
import type { ApiResult } from './argos-client';
import type { Enroller } from './enroller';
import { asPullCursor, PULL_CURSOR, type ActiveSweep, type PullCursor } from './pull-cursor';
import { PageAborted, buildPulledPage } from './pull-page';
import {
  emptyCounts,
  estimateRemaining,
  fractionOfDays,
  type PullCounts,
  type PullProgress,
} from './pull-progress';
import { mapLimited } from '../../src-shared/map-limited';
import { addDays, utcDay, type SyncContext } from './sync-context';

export interface PullOptions {
  /** The first creation day to cache (yyyy-mm-dd). */
  fromDate: string;
  windowDays: number;
  /** Items per listing page (the API allows up to 2000). */
  pageSize: number;
  revalidateEveryMs: number;
  /** Days an incremental sweep re-reads before the last one's end. */
  overlapDays: number;
  policy: ProjectPolicy;
}

export type PullRun =
  | { kind: 'done'; progress: PullProgress }
  | { kind: 'stopped'; progress: PullProgress }
  | { kind: 'failed'; progress: PullProgress; outcome: Exclude<ApiResult<never>, { kind: 'ok' }> };

const REVALIDATE_BATCH = 200;

function addCounts(into: PullCounts, delta: PullCounts): void {
  into.listed += delta.listed;
  into.enrolled += delta.enrolled;
  into.enrollFailed += delta.enrollFailed;
  into.removed += delta.removed;
  into.unchanged += delta.unchanged;
}

function newSweep(cursor: PullCursor, options: PullOptions, now: number): ActiveSweep {
  const full =
    cursor.lastFullSweepAt === null ||
    cursor.lastCompletedTo === null ||
    now - cursor.lastFullSweepAt >= options.revalidateEveryMs;
  const today = utcDay(now);
  const incrementalFrom = addDays(cursor.lastCompletedTo ?? options.fromDate, -options.overlapDays);
  const sweepFrom = full || incrementalFrom < options.fromDate ? options.fromDate : incrementalFrom;
  return {
    sweepId: randomUUID(),
    mode: full ? 'full' : 'incremental',
    sweepFrom,
    sweepTo: today,
    windowStart: sweepFrom,
    after: null,
    phase: 'listing',
    startedAt: now,
    counts: emptyCounts(),
  };
}

export class SubmissionPuller {
  private progress: PullProgress | null = null;

  constructor(
    private readonly ctx: SyncContext,
    private readonly enroller: Enroller,
    private readonly options: PullOptions,
    private readonly onProgress: (progress: PullProgress) => void,
  ) {}

  current(): PullProgress | null {
    return this.progress;
  }

  private report(
    sweep: ActiveSweep,
    phase: PullProgress['phase'],
    session: { startedAt: number; listed: number },
    lastError: string | null = null,
  ): PullProgress {
    const now = this.ctx.clock();
    const fraction =
      phase === 'done' || sweep.phase === 'revalidating'
        ? 1
        : fractionOfDays(sweep.sweepFrom, sweep.sweepTo, sweep.windowStart);
    const elapsedMs = now - session.startedAt;
    const estimate = estimateRemaining(fraction, now - sweep.startedAt, session.listed);
    this.progress = {
      phase,
      mode: sweep.mode,
      sweepFrom: sweep.sweepFrom,
      sweepTo: sweep.sweepTo,
      at: sweep.windowStart,
      startedAt: sweep.startedAt,
      elapsedMs,
      itemsPerSecond:
        elapsedMs > 0 && session.listed > 0 ? (session.listed * 1000) / elapsedMs : null,
      fractionDone: fraction,
      estimatedRemainingMs: estimate.estimatedRemainingMs,
      lastError,
      ...sweep.counts,
    };
    this.onProgress(this.progress);
    return this.progress;
  }

  /** Runs (or resumes) one sweep to its end, or until stopped or the API fails. */
  async run(shouldStop: () => boolean = () => false): Promise<PullRun> {
    const { ctx, options } = this;
    const cursor = asPullCursor(await ctx.store.send('sync:cursorGet', { name: PULL_CURSOR }));
    const sweep = cursor.active ?? newSweep(cursor, options, ctx.clock());
    const session = { startedAt: ctx.clock(), listed: 0 };
    const save = (value: PullCursor) => ({ name: PULL_CURSOR, value });
    if (cursor.active === null) {
      await ctx.store.send('sync:cursorSet', save({ ...cursor, active: sweep }));
    }
    this.report(sweep, sweep.phase, session);

    // Page keys this run was given, per window: a server that repeats one would otherwise keep
    // the sweep on the same pages forever (the cursor would never move past them).
    const seenKeys = new Set<string>();
    const pageKey = (after: { id: string; date: string }) =>
      JSON.stringify([sweep.windowStart, after.id, after.date]);
    if (sweep.after !== null) seenKeys.add(pageKey(sweep.after));
    while (sweep.phase === 'listing') {
      if (shouldStop())
        return { kind: 'stopped', progress: this.report(sweep, 'listing', session) };
      const windowEnd = [
        addDays(sweep.windowStart, options.windowDays - 1),
        sweep.sweepTo,
      ].sort()[0] as string;
      const listed = await ctx.client.listSubmissions({
        startDate: sweep.windowStart,
        endDate: windowEnd,
        count: options.pageSize,
        after: sweep.after ?? undefined,
      });
      if (listed.kind !== 'ok') return this.failed(sweep, session, listed);
      const given = listed.value.nextpage;
      if (given !== undefined) {
        const key = pageKey({ id: given.nextpage_id, date: given.nextpage_date });
        if (seenKeys.has(key)) {
          return this.failed(sweep, session, {
            kind: 'unknown',
            status: null,
            message: 'central API listing refused: it repeated a page key',
            retryAfterMs: null,
          });
        }
        seenKeys.add(key);
      }
      let built;
      try {
        built = await buildPulledPage(ctx, listed.value.items, this.enroller, options.policy);
      } catch (error) {
        if (error instanceof PageAborted) return this.failed(sweep, session, error.outcome);
        throw error;
      }
      const next = listed.value.nextpage;
      if (next !== undefined) {
        sweep.after = { id: next.nextpage_id, date: next.nextpage_date };
      } else if (windowEnd >= sweep.sweepTo) {
        sweep.phase = sweep.mode === 'full' ? 'revalidating' : 'listing';
        sweep.after = null;
        sweep.windowStart = addDays(sweep.sweepTo, 1);
      } else {
        sweep.after = null;
        sweep.windowStart = addDays(windowEnd, 1);
      }
      addCounts(sweep.counts, built.counts);
      session.listed += built.counts.listed;
      const finished = sweep.mode === 'incremental' && sweep.windowStart > sweep.sweepTo;
      const value: PullCursor = finished
        ? this.completed(cursor, sweep)
        : { ...cursor, active: sweep };
      await ctx.store.send('sync:applyPulledPage', {
        ...built.page,
        sweepId: sweep.sweepId,
        seenAt: ctx.clock(),
        cursor: save(value),
      });
      if (finished) return { kind: 'done', progress: this.report(sweep, 'done', session) };
      this.report(sweep, sweep.phase, session);
    }
    return this.revalidate(cursor, sweep, session, shouldStop);
  }

  private completed(cursor: PullCursor, sweep: ActiveSweep): PullCursor {
    const now = this.ctx.clock();
    return {
      active: null,
      lastCompletedAt: now,
      lastCompletedTo: sweep.sweepTo,
      lastFullSweepAt: sweep.mode === 'full' ? now : cursor.lastFullSweepAt,
    };
  }

  private failed(
    sweep: ActiveSweep,
    session: { startedAt: number; listed: number },
    outcome: Exclude<ApiResult<never>, { kind: 'ok' }>,
  ): PullRun {
    const progress = this.report(sweep, 'failed', session, outcome.message);
    return { kind: 'failed', progress, outcome };
  }

  /** Cached approved submissions this full sweep did not list: ask for each by id. */
  private async revalidate(
    cursor: PullCursor,
    sweep: ActiveSweep,
    session: { startedAt: number; listed: number },
    shouldStop: () => boolean,
  ): Promise<PullRun> {
    const { ctx } = this;
    const save = (value: PullCursor) => ({ name: PULL_CURSOR, value });
    for (;;) {
      if (shouldStop())
        return { kind: 'stopped', progress: this.report(sweep, 'revalidating', session) };
      const ids = await ctx.store.send('sync:approvedNotInSweep', {
        sweepId: sweep.sweepId,
        limit: REVALIDATE_BATCH,
      });
      if (ids.length === 0) break;
      const answers = await mapLimited(ids, 4, (id) => ctx.client.getSubmission(id));
      const page: Omit<PulledPage, 'sweepId' | 'cursor'> = {
        upserts: [],
        statusChanges: [],
        marks: [],
        unchanged: [],
      };
      for (const [index, answer] of answers.entries()) {
        const id = ids[index] as string;
        if (
          answer.kind === 'unknown' ||
          (answer.kind === 'refused' && answer.errorCode !== 'Invalid_submissionId')
        ) {
          return this.failed(sweep, session, answer);
        }
        // Only the submission asked for counts: an answer about another one (a confused or
        // hostile server) says nothing about this one, which is then treated as absent.
        const item =
          answer.kind === 'ok'
            ? answer.value.items.find((candidate) => candidate.submission_id === id)
            : undefined;
        // Gone centrally (ASSUMED: Invalid_submissionId means deleted): treated as 'delete'.
        const status = item?.kyc.result ?? 'delete';
        if (status !== 'approved') {
          page.statusChanges.push({ submissionId: id, status });
          sweep.counts.removed += 1;
        }
        page.marks.push({
          submissionId: id,
          kycResultAt: item?.kyc_result_at ?? null,
          enrollError: null,
        });
      }
      await ctx.store.send('sync:applyPulledPage', {
        ...page,
        sweepId: sweep.sweepId,
        seenAt: ctx.clock(),
        cursor: save({ ...cursor, active: sweep }),
      });
      this.report(sweep, 'revalidating', session);
    }
    const done = this.completed(cursor, sweep);
    await ctx.store.send('sync:cursorSet', save(done));
    return { kind: 'done', progress: this.report(sweep, 'done', session) };
  }
}
