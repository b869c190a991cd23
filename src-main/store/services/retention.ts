// Retention: captured images go after sync or after N days, reference templates when a
// submission is not reported for M days (a revoked submission loses them at the moment its
// status is written, see services/submissions.ts, so the sweep need not scan for those).
// secure_delete zeroes the freed bytes in the database pages; the TRUNCATE checkpoint then moves every page into the main file and empties
// the WAL, whose older frames would otherwise still hold the purged values.
import { appendAuditEntry } from '../../audit/append';
import type { StoreContext } from '../../database/context';
import { requireWritable } from '../../database/context';
import { checkpointTruncate } from '../../database/db/pragmas';
import { inTransaction, type WritableDb } from '../../database/db/sql';
import { deleteErrorAttemptsBefore } from '../../database/queries/error-attempts';
import { deleteExpiredSessions } from '../../database/queries/operators';
import { purgeCapturedImages } from '../../database/queries/results';
import { purgeStaleSubmissionBiometrics } from '../../database/queries/submissions';
import { readSetting } from './settings';

const DAY_MS = 24 * 60 * 60_000;
/** Error attempts (who, when, which id, which code) follow the captured-image window, but stay at
 *  least a day, so that a desk with images purged at once still lists today's failed attempts. */
const ERROR_ATTEMPT_MIN_DAYS = 1;

export interface RetentionReport {
  imagesPurged: number;
  templatesPurged: number;
  sessionsRemoved: number;
  errorAttemptsRemoved: number;
  /** true when the WAL was checkpointed and truncated to zero bytes. */
  walTruncated: boolean;
}

/** Runs inside the caller's transaction. */
export function purgeImagesNow(
  ctx: StoreContext,
  db: WritableDb,
  reason: string,
  now: number,
): number {
  const policy = readSetting(ctx, 'retention');
  const ids = purgeCapturedImages(
    db,
    { cutoff: now - policy.capturedImageDays * DAY_MS, includeSynced: policy.purgeImageAfterSync },
    now,
  );
  if (ids.length > 0) {
    appendAuditEntry(
      db,
      {
        kind: 'purge',
        actor: null,
        payload: { what: 'captured_images', reason, authenticationIds: ids },
      },
      now,
    );
  }
  return ids.length;
}

export function runRetention(ctx: StoreContext): RetentionReport {
  const db = requireWritable(ctx);
  const now = ctx.clock();
  const policy = readSetting(ctx, 'retention');
  const report = inTransaction(db, () => {
    const imagesPurged = purgeImagesNow(ctx, db, 'retention', now);
    const stale = purgeStaleSubmissionBiometrics(db, now - policy.templateDays * DAY_MS, now);
    if (stale.length > 0) {
      appendAuditEntry(
        db,
        {
          kind: 'purge',
          actor: null,
          payload: { what: 'templates', reason: 'not_seen', submissionIds: stale },
        },
        now,
      );
    }
    const sessionsRemoved = deleteExpiredSessions(db, now);
    const attemptDays = Math.max(ERROR_ATTEMPT_MIN_DAYS, policy.capturedImageDays);
    const errorAttemptsRemoved = deleteErrorAttemptsBefore(db, now - attemptDays * DAY_MS);
    if (errorAttemptsRemoved > 0) {
      appendAuditEntry(
        db,
        {
          kind: 'purge',
          actor: null,
          payload: { what: 'error_attempts', reason: 'retention', count: errorAttemptsRemoved },
        },
        now,
      );
    }
    return { imagesPurged, templatesPurged: stale.length, sessionsRemoved, errorAttemptsRemoved };
  });
  return { ...report, walTruncated: checkpointTruncate(db) };
}
