// ARGOS has no idempotency key, so before re-posting a result whose earlier POST may have
// reached the server, the station looks for it in GET /v3/faceauth: records in a date window
// around the attempt whose cf1 is this station and whose cf2 is the local authentication id.
// Relies on the listing echoing cf1/cf2 (ASSUMED; see docs/argos-assumptions.md #8); when no
// item in the window carries cf2, it falls back to matching by submission and time
// (reconcile-fallback.ts).
import type { ApiResult } from './argos-client';
import type { FaceAuthListItem } from './argos-schemas';
import { matchWithoutEcho } from './reconcile-fallback';
import { addDays, utcDay, type SyncContext } from './sync-context';
import type { CentralVerdict } from '../store/services/sync-delivery';

export interface ReconcileTarget {
  authenticationId: string;
  submissionId: string;
  /** The local create_time (ISO). */
  createTime: string;
  firstAttemptAt: number;
  lastAttemptAt: number;
}

const PAGE_SIZE = 2000;
/** A window of a few days never holds this many pages for one station; past it, stop. */
const MAX_PAGES = 200;
/** Days either side: the server's day may differ from ours (clock skew, processing near midnight). */
const OVERLAP_DAYS = 1;

export type ReconcileOutcome =
  | {
      kind: 'ok';
      found: Map<string, FaceAuthListItem[]>;
      pages: number;
      /** Whether any listed item carried cf2; false means the fallback matched. */
      echoed: boolean;
    }
  | Exclude<ApiResult<never>, { kind: 'ok' }>;

export async function findCentralRecords(
  ctx: SyncContext,
  targets: readonly ReconcileTarget[],
): Promise<ReconcileOutcome> {
  const found = new Map<string, FaceAuthListItem[]>();
  if (targets.length === 0) return { kind: 'ok', found, pages: 0, echoed: true };
  const listed: FaceAuthListItem[] = [];
  let echoed = false;
  const wanted = new Set(targets.map((t) => t.authenticationId));
  const first = targets.map((t) => t.createTime.slice(0, 10)).sort()[0] as string;
  const last = targets
    .map((t) => utcDay(t.lastAttemptAt))
    .sort()
    .at(-1) as string;
  const startDate = addDays(first < last ? first : last, -OVERLAP_DAYS);
  const endDate = addDays(last > first ? last : first, OVERLAP_DAYS);
  let after: { authId: string; createTime: string } | undefined;
  let pages = 0;
  // A server that repeats a page key (or never stops) must not hold the push lane forever.
  const seenKeys = new Set<string>();
  for (;;) {
    if (pages >= MAX_PAGES) return pagingRefused(`more than ${MAX_PAGES} pages`);
    const page = await ctx.client.listFaceAuth({ startDate, endDate, count: PAGE_SIZE, after });
    if (page.kind !== 'ok') return page;
    pages += 1;
    for (const item of page.value.items) {
      listed.push(item);
      if (typeof item.cf2 === 'string' && item.cf2 !== '') echoed = true;
      if (item.cf1 !== ctx.stationId || typeof item.cf2 !== 'string' || !wanted.has(item.cf2))
        continue;
      const list = found.get(item.cf2) ?? [];
      list.push(item);
      found.set(item.cf2, list);
    }
    if (page.value.nextPage_key === undefined) {
      if (echoed) return { kind: 'ok', found, pages, echoed };
      return { kind: 'ok', found: await matchWithoutEcho(ctx, targets, listed), pages, echoed };
    }
    after = page.value.nextPage_key;
    const key = JSON.stringify([after.authId, after.createTime]);
    if (seenKeys.has(key)) return pagingRefused('a page key it had already given');
    seenKeys.add(key);
  }
}

function pagingRefused(what: string): ReconcileOutcome {
  return {
    kind: 'unknown',
    status: null,
    message: `central API listing refused: it returned ${what}`,
    retryAfterMs: null,
  };
}

export function verdictFromListItem(item: FaceAuthListItem): CentralVerdict {
  return {
    source: 'reconcile',
    authentication_id: item.auth_id,
    auth_status: item.auth_status,
    create_time: item.create_time,
    face_similarity_score: item.result?.face_similarity ?? null,
    // The listing carries comments, not codes (FOUND); the POST reply carries fail_code.
    fail_code: [],
  };
}
