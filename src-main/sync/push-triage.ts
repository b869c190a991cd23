// Sorts a batch's results before anything is sent: gone, out of scope, already delivered,
// imageless (parked or confirmed), never tried (post), tried within the grace period (wait), or
// tried earlier with no known outcome (look up centrally first).
import type { PushPayload } from '../store/services/sync-delivery';
import { DEMO_REFUSED_REASON, REAL_KEPT_DELAY_MS, REAL_KEPT_REASON } from './data-scope';
import { scopeVerdict } from './data-scope';
import type { PushBatch, PushOptions } from './push-batch';

export interface Triage {
  toPost: PushPayload[];
  toReconcile: PushPayload[];
}

export async function triage(
  batch: PushBatch,
  refs: readonly string[],
  payloads: readonly PushPayload[],
  options: PushOptions,
): Promise<Triage> {
  const { ctx, report } = batch;
  const known = new Set(payloads.map((p) => p.authenticationId));
  for (const ref of refs) {
    if (!known.has(ref)) await batch.park(ref, 'the local result no longer exists');
  }
  const toPost: PushPayload[] = [];
  const toReconcile: PushPayload[] = [];
  const now = ctx.clock();
  for (const payload of payloads) {
    const scope = scopeVerdict(ctx.scope, payload.submissionId);
    if (scope === 'refuse') {
      await batch.park(payload.authenticationId, DEMO_REFUSED_REASON);
    } else if (scope === 'keep') {
      await batch.fail(payload.authenticationId, REAL_KEPT_REASON, REAL_KEPT_DELAY_MS);
      report.deferred += 1;
    } else if (payload.syncedAt !== null) {
      // Already delivered (its verdict is stored): only the stale outbox item goes.
      const item = batch.item(payload.authenticationId);
      if (item !== undefined)
        await ctx.store.send('outbox:confirm', { outboxIds: [item.outboxId] });
    } else if (payload.image === null) {
      // faceImage is a required part of POST /v3/faceauth; without it the item can never go.
      await batch.park(payload.authenticationId, 'captured image purged before delivery');
    } else if (payload.lastAttemptAt === null || !options.reconcile) {
      toPost.push(payload);
    } else if (now - payload.lastAttemptAt < options.graceMs) {
      await batch.fail(
        payload.authenticationId,
        'earlier POST unanswered; waiting before reconciliation',
        payload.lastAttemptAt + options.graceMs - now,
      );
      report.deferred += 1;
    } else {
      toReconcile.push(payload);
    }
  }
  return { toPost, toReconcile };
}
