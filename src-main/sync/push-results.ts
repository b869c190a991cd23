// Delivers local results to POST /v3/faceauth exactly once. The rule: a "maybe delivered" mark
// is committed BEFORE each POST and removed only when the outcome is known. An item that still
// carries the mark at its next attempt is first looked up centrally (reconcile.ts) and re-posted
// only when absent. A mark younger than `graceMs` is left alone, because a request cut off on our
// side may still be finishing on the server.
import type { OutboxItem } from '../store/queries/outbox';
import type { CentralVerdict, PushPayload } from '../store/services/sync-delivery';
import type { ApiResult } from './argos-client';
import { isAccessRefusal, isTransientRefusal } from './argos-http';
import { retryDelay } from './backoff';
import {
  DEMO_REFUSED_REASON,
  REAL_KEPT_DELAY_MS,
  REAL_KEPT_REASON,
  scopeVerdict,
} from './data-scope';
import { holdBackSameSubmission } from './one-open-attempt';
import { findCentralRecords, verdictFromListItem } from './reconcile';
import { mapLimited, type Pause, type SyncContext } from './sync-context';

export interface PushOptions {
  /** POSTs in flight at once. */
  concurrency: number;
  /** Look up "maybe delivered" results before re-posting. Off ONLY in the negative-control test. */
  reconcile: boolean;
  /** How long after an unanswered POST the server is assumed to have finished with it. */
  graceMs: number;
}

export interface PushReport {
  delivered: number;
  reconciledFound: number;
  reconciledAbsent: number;
  deferred: number;
  failed: number;
  parked: number;
  /** Released unsent: another result of the same submission has an unknown outcome. */
  held: number;
  disagreements: number;
  pause: Pause | null;
}

function emptyReport(): PushReport {
  return {
    delivered: 0,
    reconciledFound: 0,
    reconciledAbsent: 0,
    deferred: 0,
    failed: 0,
    parked: 0,
    held: 0,
    disagreements: 0,
    pause: null,
  };
}

function sniffImageType(image: Uint8Array): 'image/jpeg' | 'image/png' {
  return image[0] === 0x89 && image[1] === 0x50 ? 'image/png' : 'image/jpeg';
}

function describeFailure(outcome: Exclude<ApiResult<never>, { kind: 'ok' }>): string {
  const status = outcome.status === null ? 'no answer' : `HTTP ${outcome.status}`;
  return outcome.kind === 'refused'
    ? `${status} ${outcome.errorCode ?? ''}: ${outcome.message}`.trim()
    : `${status}: ${outcome.message}`;
}

export async function pushResults(
  ctx: SyncContext,
  items: readonly OutboxItem[],
  options: PushOptions,
): Promise<PushReport> {
  const report = emptyReport();
  if (items.length === 0) return report;
  const byRef = new Map(items.map((item) => [item.ref, item]));
  const payloads = await ctx.store.send('sync:pushPayloads', {
    authenticationIds: items.map((item) => item.ref),
  });
  const known = new Set(payloads.map((p) => p.authenticationId));
  const deliveries: { authenticationId: string; verdict: CentralVerdict }[] = [];
  const fail = async (id: string, error: string, delayMs: number) => {
    const item = byRef.get(id);
    if (item === undefined) return;
    await ctx.store.send('outbox:fail', {
      outboxId: item.outboxId,
      error,
      nextAttemptAt: ctx.clock() + delayMs,
    });
  };
  const park = async (id: string, reason: string) => {
    const item = byRef.get(id);
    if (item === undefined) return;
    await ctx.store.send('outbox:park', { outboxId: item.outboxId, reason });
    report.parked += 1;
    ctx.log.warn('result parked', { authenticationId: id, reason });
  };

  for (const item of items) {
    if (!known.has(item.ref)) await park(item.ref, 'the local result no longer exists');
  }

  const toPost: PushPayload[] = [];
  const toReconcile: PushPayload[] = [];
  const now = ctx.clock();
  for (const payload of payloads) {
    const scope = scopeVerdict(ctx.scope, payload.submissionId);
    if (scope === 'refuse') {
      await park(payload.authenticationId, DEMO_REFUSED_REASON);
    } else if (scope === 'keep') {
      await fail(payload.authenticationId, REAL_KEPT_REASON, REAL_KEPT_DELAY_MS);
      report.deferred += 1;
    } else if (payload.syncedAt !== null) {
      // Already delivered (its verdict is stored): only the stale outbox item goes.
      const item = byRef.get(payload.authenticationId);
      if (item !== undefined)
        await ctx.store.send('outbox:confirm', { outboxIds: [item.outboxId] });
    } else if (payload.image === null) {
      // faceImage is a required part of POST /v3/faceauth; without it the item can never go.
      await park(payload.authenticationId, 'captured image purged before delivery');
    } else if (payload.lastAttemptAt === null || !options.reconcile) {
      toPost.push(payload);
    } else if (now - payload.lastAttemptAt < options.graceMs) {
      await fail(
        payload.authenticationId,
        'earlier POST unanswered; waiting before reconciliation',
        payload.lastAttemptAt + options.graceMs - now,
      );
      report.deferred += 1;
    } else {
      toReconcile.push(payload);
    }
  }

  if (toReconcile.length > 0) {
    const lookup = await findCentralRecords(
      ctx,
      toReconcile.map((p) => ({
        authenticationId: p.authenticationId,
        submissionId: p.submissionId,
        createTime: p.createTime,
        firstAttemptAt: p.firstAttemptAt ?? p.lastAttemptAt ?? now,
        lastAttemptAt: p.lastAttemptAt ?? now,
      })),
    );
    if (lookup.kind !== 'ok') {
      // Without the lookup nothing may be re-posted: all wait for the next try.
      for (const p of toReconcile) {
        const attempts = byRef.get(p.authenticationId)?.attempts ?? 0;
        await fail(
          p.authenticationId,
          `reconciliation failed: ${describeFailure(lookup)}`,
          retryDelay(attempts, ctx.backoff, lookup.retryAfterMs, ctx.random),
        );
        report.failed += 1;
      }
      report.pause = pauseFor(ctx, lookup);
    } else {
      for (const p of toReconcile) {
        const records = lookup.found.get(p.authenticationId);
        const first = records?.[0];
        if (first !== undefined) {
          deliveries.push({
            authenticationId: p.authenticationId,
            verdict: verdictFromListItem(first),
          });
          report.reconciledFound += 1;
          if ((records?.length ?? 0) > 1) {
            ctx.log.warn('central API holds more than one record for a result', {
              authenticationId: p.authenticationId,
              records: records?.length,
            });
          }
        } else {
          toPost.push(p);
          report.reconciledAbsent += 1;
        }
      }
    }
  }

  const pausedBeforePost = report.pause;
  if (toPost.length > 0 && pausedBeforePost === null) {
    const { post, next, waiting } = await holdBackSameSubmission(ctx, toPost);
    const release = async (held: PushPayload[], dueAt: number) => {
      if (held.length === 0) return;
      const outboxIds = held.flatMap((p) => byRef.get(p.authenticationId)?.outboxId ?? []);
      await ctx.store.send('sync:releaseItems', { outboxIds, dueAt });
      report.held += held.length;
    };
    await release(next, ctx.clock());
    await release(waiting, ctx.clock() + options.graceMs);
    toPost.splice(0, toPost.length, ...post);
  }
  if (toPost.length > 0 && pausedBeforePost !== null) {
    for (const p of toPost) {
      await fail(p.authenticationId, pausedBeforePost.reason, pausedBeforePost.until - ctx.clock());
      report.failed += 1;
    }
  } else if (toPost.length > 0) {
    await ctx.store.send('sync:markAttempts', {
      authenticationIds: toPost.map((p) => p.authenticationId),
    });
    const outcomes = await mapLimited(toPost, options.concurrency, (p) =>
      ctx.client.postFaceAuth({
        submissionId: p.submissionId,
        image: p.image as Uint8Array,
        imageType: sniffImageType(p.image as Uint8Array),
        userId: p.requestFields.userId,
        cf1: ctx.stationId,
        cf2: p.authenticationId,
        cf3: p.operatorDecision ?? undefined,
      }),
    );
    const notStored: string[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const p = toPost[index] as PushPayload;
      const id = p.authenticationId;
      const attempts = byRef.get(id)?.attempts ?? 0;
      if (outcome.kind === 'ok') {
        const r = outcome.value;
        deliveries.push({
          authenticationId: id,
          verdict: {
            source: 'post',
            authentication_id: r.authentication_id,
            auth_status: r.auth_status,
            create_time: r.create_time,
            face_similarity_score: r.score.face_similarity_score,
            fail_code: r.auth_status === 'rejected' ? r.fail_code : [],
          },
        });
        continue;
      }
      if (outcome.kind === 'refused') {
        // A refusal is an answer: the server did not store this attempt.
        notStored.push(id);
        if (isTransientRefusal(outcome.status) || isAccessRefusal(outcome.status)) {
          await fail(
            id,
            describeFailure(outcome),
            retryDelay(attempts, ctx.backoff, outcome.retryAfterMs, ctx.random),
          );
          report.failed += 1;
          report.pause ??= pauseFor(ctx, outcome);
        } else {
          await park(id, describeFailure(outcome));
        }
        continue;
      }
      const delay = Math.max(
        options.graceMs,
        retryDelay(attempts, ctx.backoff, outcome.retryAfterMs, ctx.random),
      );
      await fail(id, `outcome unknown (${describeFailure(outcome)})`, delay);
      report.failed += 1;
    }
    if (notStored.length > 0)
      await ctx.store.send('sync:clearAttempts', { authenticationIds: notStored });
  }

  if (deliveries.length > 0) {
    const recorded = await ctx.store.send('sync:recordDeliveries', { deliveries });
    report.delivered = recorded.recorded;
    report.disagreements = recorded.disagreements;
  }
  return report;
}

/** 429 and refused keys stop all traffic for a while; other failures only delay their item. */
export function pauseFor(
  ctx: SyncContext,
  outcome: Exclude<ApiResult<never>, { kind: 'ok' }>,
): Pause | null {
  if (outcome.kind === 'refused' && outcome.status === 429) {
    return {
      until: ctx.clock() + (outcome.retryAfterMs ?? ctx.backoff.baseMs),
      reason: 'rate limited (429)',
    };
  }
  if (outcome.kind === 'refused' && isAccessRefusal(outcome.status)) {
    return {
      until: ctx.clock() + ctx.backoff.capMs,
      reason:
        `central API refused the key or address (HTTP ${outcome.status} ${outcome.errorCode ?? ''})`.trim(),
    };
  }
  return null;
}
