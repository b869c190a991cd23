// Store side of pulling submissions: what the station already holds for a page of ids, and the
// page applied in ONE transaction together with the cursor that points past it, so a crash
// either keeps the whole page and its cursor or neither (the page is then simply redone).
import { requireWritable, type StoreContext } from '../../database/context';
import { inTransaction } from '../../database/db/sql';
import { StoreError } from '../../database/errors';
import { markSubmissionSeen } from '../../database/queries/submissions';
import { putCursor } from '../../database/queries/sync-cursors';
import {
  approvedNotInSweep,
  putSubmissionMark,
  submissionMarks,
  touchSubmissionMark,
} from '../../database/queries/sync-submission-marks';
import { changeSubmissionStatus, upsertSubmissions, type SubmissionInput } from './submissions';

const MAX_PAGE = 2000;

export interface SubmissionMark {
  submissionId: string;
  cachedStatus: string | null;
  hasTemplates: boolean;
  templateModelVersion: string | null;
  kycResultAt: string | null;
  enrollError: string | null;
}

export function readSubmissionMarks(
  ctx: StoreContext,
  submissionIds: readonly string[],
): SubmissionMark[] {
  if (!Array.isArray(submissionIds) || submissionIds.length > MAX_PAGE) {
    throw new StoreError('invalid_input', `at most ${MAX_PAGE} ids`);
  }
  return submissionMarks(ctx.read, submissionIds).map((row) => ({
    submissionId: row.submission_id,
    cachedStatus: row.cached_status,
    hasTemplates: row.has_templates === 1,
    templateModelVersion: row.template_model_version,
    kycResultAt: row.kyc_result_at,
    enrollError: row.enroll_error,
  }));
}

export interface PulledPage {
  sweepId: string;
  /** New or changed submissions, with templates when enrolled. */
  upserts: SubmissionInput[];
  /** Cached submissions whose central status changed (biometrics purged unless approved). */
  statusChanges: { submissionId: string; status: string }[];
  /** For every listed item: what it looked like, so an unchanged item is skipped next time. */
  marks: { submissionId: string; kycResultAt: string | null; enrollError: string | null }[];
  /** Listed, unchanged items: only their sweep id moves. */
  unchanged: string[];
  cursor: { name: string; value: unknown };
  /** When the station listed the page, by the sync's clock; the store's own clock otherwise. */
  seenAt?: number;
}

export function applyPulledPage(
  ctx: StoreContext,
  page: PulledPage,
): { written: number; statusChanged: number; purged: number } {
  const db = requireWritable(ctx);
  const now = ctx.clock();
  if (typeof page.sweepId !== 'string' || page.sweepId === '') {
    throw new StoreError('invalid_input', 'sweepId is required');
  }
  if (page.seenAt !== undefined && !Number.isSafeInteger(page.seenAt)) {
    throw new StoreError('invalid_input', 'seenAt must be a time in milliseconds');
  }
  const seenAt = page.seenAt ?? now;
  return inTransaction(db, () => {
    // Nested transactions in better-sqlite3 become savepoints of this one.
    const upserted =
      page.upserts.length > 0
        ? upsertSubmissions(
            ctx,
            page.upserts.map((item) => ({ ...item, seenAt: item.seenAt ?? seenAt })),
          )
        : { written: 0, purged: 0 };
    let statusChanged = 0;
    for (const change of page.statusChanges) {
      if (changeSubmissionStatus(ctx, change.submissionId, change.status)) statusChanged += 1;
    }
    for (const mark of page.marks) {
      putSubmissionMark(db, mark, page.sweepId, now);
      markSubmissionSeen(db, mark.submissionId, seenAt);
    }
    for (const id of page.unchanged) {
      touchSubmissionMark(db, id, page.sweepId, now);
      markSubmissionSeen(db, id, seenAt);
    }
    putCursor(db, page.cursor.name, page.cursor.value, now);
    return { written: upserted.written, statusChanged, purged: upserted.purged };
  });
}

export function listApprovedNotInSweep(
  ctx: StoreContext,
  sweepId: string,
  limit: number,
): string[] {
  return approvedNotInSweep(ctx.read, sweepId, Math.max(1, Math.min(MAX_PAGE, Math.trunc(limit))));
}
