// At most one result per submission with a POST whose outcome is unknown. Without the cf echo,
// a central record is matched to a result by submission and time (reconcile-fallback.ts); two
// results of one submission in flight at once would make that match ambiguous. Results held
// back here are released (no attempt counted): a second result of a submission in this batch
// is due again at once, one waiting behind an unknown outcome after `graceMs` (that outcome is
// resolved no sooner), so it does not block the head of the queue meanwhile.
import type { PushPayload } from '../store/services/sync-delivery';
import type { SyncContext } from './sync-context';

export async function holdBackSameSubmission(
  ctx: SyncContext,
  toPost: readonly PushPayload[],
): Promise<{ post: PushPayload[]; next: PushPayload[]; waiting: PushPayload[] }> {
  const post: PushPayload[] = [];
  const next: PushPayload[] = [];
  const waiting: PushPayload[] = [];
  if (toPost.length === 0) return { post, next, waiting };
  const submissionIds = [...new Set(toPost.map((p) => p.submissionId))];
  const open = await ctx.store.send('sync:openAttempts', { submissionIds });
  // Marks of results in this list were just reconciled as absent: they no longer block.
  const inList = new Set(toPost.map((p) => p.authenticationId));
  const blocked = new Set(
    open.filter((o) => !inList.has(o.authenticationId)).map((o) => o.submissionId),
  );
  const taken = new Set<string>();
  // Results already attempted first: they have waited longest for an answer.
  const ordered = [...toPost].sort(
    (a, b) => Number(a.lastAttemptAt === null) - Number(b.lastAttemptAt === null),
  );
  for (const payload of ordered) {
    if (blocked.has(payload.submissionId)) {
      waiting.push(payload);
    } else if (taken.has(payload.submissionId)) {
      next.push(payload);
    } else {
      taken.add(payload.submissionId);
      post.push(payload);
    }
  }
  return { post, next, waiting };
}
