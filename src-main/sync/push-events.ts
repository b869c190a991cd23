// Overrides and audit-chain heads go to the station-events endpoint as batched JSON. A batch is
// persisted with its Idempotency-Key BEFORE it is sent, and resent unchanged until answered, so
// a crash or a lost reply can never turn one batch into two. An override waits until its result
// has been delivered (the event refers to the delivered result); the audit chain is reported as
// its head (seq and hash), the anchor verify() checks the local chain against.
import { randomUUID } from 'node:crypto';
import type { OutboxItem } from '../database/queries/outbox';
import type { EventBatch } from '../store/services/sync-state';
import { isTransientRefusal } from './argos-http';
import {
  DEMO_REFUSED_REASON,
  REAL_KEPT_DELAY_MS,
  REAL_KEPT_REASON,
  scopeVerdict,
} from './data-scope';
import { pauseFor } from './push-results';
import type { Pause, SyncContext } from './sync-context';

const MAX_EVENTS_PER_BATCH = 500;
/** An override whose result is not delivered yet is looked at again after this long. */
const OVERRIDE_WAIT_MS = 5_000;

export interface EventsReport {
  batchesSent: number;
  eventsSent: number;
  waiting: number;
  parked: number;
  /** The endpoint did not answer: batches stay pending and are resent later. */
  failed: boolean;
  /** Claimed items this call neither batched nor rescheduled: the caller reschedules them. */
  untouched: OutboxItem[];
  pause: Pause | null;
}

interface OverridePayload {
  overrideId: number;
  authentication_id: string;
  supervisor_id: string;
  decision: string;
  reason: string;
  created_at: number;
}

interface AuditPayload {
  seq: number;
  hash: string;
}

async function sendBatch(
  ctx: SyncContext,
  batch: EventBatch,
  report: EventsReport,
): Promise<boolean> {
  const outcome = await ctx.client.postStationEvents(batch.idempotencyKey, batch.body);
  if (outcome.kind === 'ok') {
    await ctx.store.send('sync:eventBatchDone', { idempotencyKey: batch.idempotencyKey });
    report.batchesSent += 1;
    report.eventsSent += (batch.body as { events: unknown[] }).events.length;
    return true;
  }
  if (
    outcome.kind === 'refused' &&
    !isTransientRefusal(outcome.status) &&
    outcome.status !== 401 &&
    outcome.status !== 403
  ) {
    const reason = `HTTP ${outcome.status} ${outcome.errorCode ?? ''}: ${outcome.message}`;
    await ctx.store.send('sync:eventBatchDrop', { idempotencyKey: batch.idempotencyKey, reason });
    report.parked += batch.outboxIds.length;
    ctx.log.warn('station-events batch refused and parked', { reason });
    return true;
  }
  report.failed = true;
  report.pause = pauseFor(ctx, outcome);
  return false;
}

export async function pushEvents(
  ctx: SyncContext,
  items: readonly OutboxItem[],
): Promise<EventsReport> {
  const report: EventsReport = {
    batchesSent: 0,
    eventsSent: 0,
    waiting: 0,
    parked: 0,
    failed: false,
    pause: null,
    untouched: [],
  };
  // Earlier batches first, byte for byte as first sent.
  const pending = await ctx.store.send('sync:eventBatches', {});
  const inPending = new Set(pending.flatMap((b) => b.outboxIds));
  const handled = new Set<number>();
  const finish = () => {
    report.untouched = items.filter((i) => !inPending.has(i.outboxId) && !handled.has(i.outboxId));
    return report;
  };
  for (const batch of pending) {
    // A batch persisted earlier (demo mode, before a restart) is checked again: its key and
    // bytes are fixed, so a batch with any out-of-scope override is dropped whole, not sent.
    if (await batchOutOfScope(ctx, batch)) {
      await ctx.store.send('sync:eventBatchDrop', {
        idempotencyKey: batch.idempotencyKey,
        reason: ctx.scope === 'real' ? DEMO_REFUSED_REASON : REAL_KEPT_REASON,
      });
      report.parked += batch.outboxIds.length;
      continue;
    }
    if (!(await sendBatch(ctx, batch, report))) return finish();
  }
  const overrides: { event: unknown; outboxId: number }[] = [];
  const auditIds: number[] = [];
  let head: AuditPayload | null = null;
  for (const item of items) {
    if (inPending.has(item.outboxId)) continue;
    if (item.kind === 'audit') {
      const entry = item.payload as AuditPayload;
      if (head === null || entry.seq > head.seq) head = { seq: entry.seq, hash: entry.hash };
      auditIds.push(item.outboxId);
    } else if (item.kind === 'override') {
      const event = await overrideEvent(ctx, item, report);
      if (event !== null) overrides.push({ event, outboxId: item.outboxId });
      else handled.add(item.outboxId);
    }
  }
  const batches: { events: unknown[]; outboxIds: number[] }[] = [];
  for (let start = 0; start < overrides.length; start += MAX_EVENTS_PER_BATCH) {
    const chunk = overrides.slice(start, start + MAX_EVENTS_PER_BATCH);
    batches.push({ events: chunk.map((c) => c.event), outboxIds: chunk.map((c) => c.outboxId) });
  }
  if (head !== null) {
    batches.push({
      events: [{ type: 'audit_head', seq: head.seq, hash: head.hash }],
      outboxIds: auditIds,
    });
  }
  for (const { events, outboxIds } of batches) {
    const batch: EventBatch = {
      idempotencyKey: `${ctx.stationId}:${randomUUID()}`,
      outboxIds,
      body: { stationId: ctx.stationId, events },
      createdAt: ctx.clock(),
    };
    await ctx.store.send('sync:eventBatchCreate', batch);
    outboxIds.forEach((id) => handled.add(id));
    if (!(await sendBatch(ctx, batch, report))) return finish();
  }
  return finish();
}

/** The event for an override, or null (and the item re-scheduled) while its result is undelivered. */
async function overrideEvent(
  ctx: SyncContext,
  item: OutboxItem,
  report: EventsReport,
): Promise<unknown> {
  const override = item.payload as OverridePayload;
  const result = await ctx.store.send('results:get', {
    authenticationId: override.authentication_id,
  });
  const scope = result === null ? 'send' : scopeVerdict(ctx.scope, result.submissionId);
  if (scope === 'refuse') {
    await ctx.store.send('outbox:park', { outboxId: item.outboxId, reason: DEMO_REFUSED_REASON });
    report.parked += 1;
    return null;
  }
  if (scope === 'keep') {
    await ctx.store.send('outbox:fail', {
      outboxId: item.outboxId,
      error: REAL_KEPT_REASON,
      nextAttemptAt: ctx.clock() + REAL_KEPT_DELAY_MS,
    });
    report.waiting += 1;
    return null;
  }
  if (result !== null && result.syncedAt === null) {
    await ctx.store.send('outbox:fail', {
      outboxId: item.outboxId,
      error: 'waiting for its result to be delivered',
      nextAttemptAt: ctx.clock() + OVERRIDE_WAIT_MS,
    });
    report.waiting += 1;
    return null;
  }
  const verdict = result?.centralVerdict as { authentication_id?: string } | null | undefined;
  return {
    type: 'override',
    overrideId: override.overrideId,
    authenticationId: override.authentication_id,
    centralAuthenticationId: verdict?.authentication_id ?? null,
    decision: override.decision,
    reason: override.reason,
    supervisorId: override.supervisor_id,
    at: new Date(override.created_at).toISOString(),
  };
}

/** Whether a stored batch names an override whose result this service may not send. */
async function batchOutOfScope(ctx: SyncContext, batch: EventBatch): Promise<boolean> {
  const events = (batch.body as { events?: { type?: unknown; authenticationId?: unknown }[] })
    .events;
  for (const event of events ?? []) {
    if (event.type !== 'override' || typeof event.authenticationId !== 'string') continue;
    const result = await ctx.store.send('results:get', {
      authenticationId: event.authenticationId,
    });
    if (result !== null && scopeVerdict(ctx.scope, result.submissionId) !== 'send') return true;
  }
  return false;
}
