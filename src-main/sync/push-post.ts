// POSTs a batch's results (at most one unknown outcome per submission, see one-open-attempt.ts)
// with the "maybe delivered" mark committed first, then sorts each answer: delivered, refused
// (retry or park) or unknown (retry after the grace period, looked up first).
import type { PushPayload } from '../store/services/sync-delivery';
import { imageMimeType, sniffImageFormat } from '../../src-shared/image-format';
import { isAccessRefusal, isTransientRefusal } from './argos-http';
import { retryDelay } from './backoff';
import { holdBackSameSubmission } from './one-open-attempt';
import { describeFailure, pauseFor, type PushBatch, type PushOptions } from './push-batch';
import { mapLimited } from '../../src-shared/map-limited';

/** ARGOS takes JPEG or PNG; anything unrecognised goes as JPEG, as it always did. */
function sniffImageType(image: Uint8Array): 'image/jpeg' | 'image/png' {
  return imageMimeType(sniffImageFormat(image) ?? 'jpeg');
}

export async function postResults(
  batch: PushBatch,
  candidates: PushPayload[],
  options: PushOptions,
): Promise<void> {
  const { ctx, report } = batch;
  if (candidates.length === 0) return;
  const pausedBeforePost = report.pause;
  if (pausedBeforePost !== null) {
    for (const p of candidates) {
      await batch.fail(
        p.authenticationId,
        pausedBeforePost.reason,
        pausedBeforePost.until - ctx.clock(),
      );
      report.failed += 1;
    }
    return;
  }
  const { post, next, waiting } = await holdBackSameSubmission(ctx, candidates);
  await batch.release(next, ctx.clock());
  await batch.release(waiting, ctx.clock() + options.graceMs);
  if (post.length === 0) return;
  await ctx.store.send('sync:markAttempts', {
    authenticationIds: post.map((p) => p.authenticationId),
  });
  const outcomes = await mapLimited(post, options.concurrency, (p) =>
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
    const id = (post[index] as PushPayload).authenticationId;
    const attempts = batch.attempts(id);
    if (outcome.kind === 'ok') {
      const r = outcome.value;
      batch.deliveries.push({
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
    } else if (outcome.kind === 'refused') {
      // A refusal is an answer: the server did not store this attempt.
      notStored.push(id);
      if (isTransientRefusal(outcome.status) || isAccessRefusal(outcome.status)) {
        const delay = retryDelay(attempts, ctx.backoff, outcome.retryAfterMs, ctx.random);
        await batch.fail(id, describeFailure(outcome), delay);
        report.failed += 1;
        report.pause ??= pauseFor(ctx, outcome);
      } else {
        await batch.park(id, describeFailure(outcome));
      }
    } else {
      const delay = Math.max(
        options.graceMs,
        retryDelay(attempts, ctx.backoff, outcome.retryAfterMs, ctx.random),
      );
      await batch.fail(id, `outcome unknown (${describeFailure(outcome)})`, delay);
      report.failed += 1;
    }
  }
  if (notStored.length > 0)
    await ctx.store.send('sync:clearAttempts', { authenticationIds: notStored });
}
