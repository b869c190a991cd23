// Delivers local results to POST /v3/faceauth exactly once. The rule: a "maybe delivered" mark
// is committed BEFORE each POST and removed only when the outcome is known. An item that still
// carries the mark at its next attempt is first looked up centrally (reconcile.ts) and re-posted
// only when absent. A mark younger than `graceMs` is left alone, because a request cut off on our
// side may still be finishing on the server. The steps: push-triage.ts sorts, push-lookup.ts
// looks up, push-post.ts posts; push-batch.ts keeps the books.
import type { OutboxItem } from '../database/queries/outbox';
import { PushBatch, type PushOptions, type PushReport } from './push-batch';
import { lookUpBeforeRepost } from './push-lookup';
import { postResults } from './push-post';
import { triage } from './push-triage';
import type { SyncContext } from './sync-context';

export { pauseFor, type PushOptions, type PushReport } from './push-batch';

export async function pushResults(
  ctx: SyncContext,
  items: readonly OutboxItem[],
  options: PushOptions,
): Promise<PushReport> {
  const batch = new PushBatch(ctx, items);
  if (items.length === 0) return batch.report;
  const payloads = await ctx.store.send('sync:pushPayloads', {
    authenticationIds: items.map((item) => item.ref),
  });
  const refs = items.map((item) => item.ref);
  const { toPost, toReconcile } = await triage(batch, refs, payloads, options);
  const absent = await lookUpBeforeRepost(batch, toReconcile);
  await postResults(batch, [...toPost, ...absent], options);
  if (batch.deliveries.length > 0) {
    const recorded = await ctx.store.send('sync:recordDeliveries', {
      deliveries: batch.deliveries,
    });
    batch.report.delivered = recorded.recorded;
    batch.report.disagreements = recorded.disagreements;
  }
  return batch.report;
}
