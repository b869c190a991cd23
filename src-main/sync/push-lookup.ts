// Results whose earlier POST has no known outcome are looked up centrally before anything is
// re-posted: found ones count as delivered, absent ones join the POST list. Without a lookup
// answer nothing is re-posted and all of them wait.
import type { PushPayload } from '../store/services/sync-delivery';
import { retryDelay } from './backoff';
import { describeFailure, pauseFor, type PushBatch } from './push-batch';
import { findCentralRecords, verdictFromListItem } from './reconcile';

/** Returns the results to post after all (centrally absent). */
export async function lookUpBeforeRepost(
  batch: PushBatch,
  toReconcile: readonly PushPayload[],
): Promise<PushPayload[]> {
  if (toReconcile.length === 0) return [];
  const { ctx, report } = batch;
  const now = ctx.clock();
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
    for (const p of toReconcile) {
      await batch.fail(
        p.authenticationId,
        `reconciliation failed: ${describeFailure(lookup)}`,
        retryDelay(
          batch.attempts(p.authenticationId),
          ctx.backoff,
          lookup.retryAfterMs,
          ctx.random,
        ),
      );
      report.failed += 1;
    }
    report.pause = pauseFor(ctx, lookup);
    return [];
  }
  const absent: PushPayload[] = [];
  for (const p of toReconcile) {
    const records = lookup.found.get(p.authenticationId);
    const first = records?.[0];
    if (first === undefined) {
      absent.push(p);
      report.reconciledAbsent += 1;
      continue;
    }
    batch.deliveries.push({
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
  }
  return absent;
}
