// Reconciliation when the central listing does not echo the custom fields (cf1/cf2): the
// documented fallback of docs/argos-assumptions.md #8. A central record is taken for a local
// result when it names the same submission (`kyc_submission_id`), was created within the
// result's attempt window (first attempt − clock skew … now + clock skew), and is not a record
// the station already holds for another result. The push keeps at most one result per
// submission with an unknown outcome (push-results.ts), so within that window a record of this
// submission that the station does not know can only be that result's.
//
// Not covered: another station (or channel) verifying the same submission inside the window;
// its record could be taken for ours, and our result would then not be posted (see
// docs/security/central.md).
import type { FaceAuthListItem } from './argos-schemas';
import type { SyncContext } from './sync-context';

/** Central and station clocks may disagree by this much. */
export const CLOCK_SKEW_MS = 2 * 60_000;

export interface FallbackTarget {
  authenticationId: string;
  submissionId: string;
  firstAttemptAt: number;
}

export async function matchWithoutEcho(
  ctx: SyncContext,
  targets: readonly FallbackTarget[],
  items: readonly FaceAuthListItem[],
): Promise<Map<string, FaceAuthListItem[]>> {
  const found = new Map<string, FaceAuthListItem[]>();
  const submissionIds = [...new Set(targets.map((t) => t.submissionId))];
  if (submissionIds.length === 0) return found;
  const known = new Set(await ctx.store.send('sync:knownCentralIds', { submissionIds }));
  const claimed = new Set<string>();
  const until = ctx.clock() + CLOCK_SKEW_MS;
  const byTime = [...items].sort((a, b) => Date.parse(a.create_time) - Date.parse(b.create_time));
  for (const target of [...targets].sort((a, b) => a.firstAttemptAt - b.firstAttemptAt)) {
    const from = target.firstAttemptAt - CLOCK_SKEW_MS;
    const candidates = byTime.filter((item) => {
      const created = Date.parse(item.create_time);
      return (
        item.kyc_submission_id === target.submissionId &&
        !known.has(item.auth_id) &&
        !claimed.has(item.auth_id) &&
        created >= from &&
        created <= until
      );
    });
    const first = candidates[0];
    if (first === undefined) continue;
    claimed.add(first.auth_id);
    found.set(target.authenticationId, [first]);
    if (candidates.length > 1) {
      ctx.log.warn('more than one unclaimed central record could be this result', {
        authenticationId: target.authenticationId,
        candidates: candidates.length,
      });
    }
  }
  return found;
}
