// SQL for what each pull sweep saw of a submission (migration 0005): its KYC time, the sweep
// that last listed it and why enrollment failed.
import { execute, queryAll, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface SubmissionMarkRow {
  submission_id: string;
  cached_status: string | null;
  has_templates: number;
  template_model_version: string | null;
  kyc_result_at: string | null;
  enroll_error: string | null;
}

/** What the station holds for each id: cache row (if any) joined with the last pulled mark. */
export function submissionMarks(
  db: ReadableDb,
  submissionIds: readonly string[],
): SubmissionMarkRow[] {
  return queryAll<SubmissionMarkRow>(
    db,
    sql`SELECT ids.value AS submission_id, s.status AS cached_status,
               (s.templates_enc IS NOT NULL) AS has_templates, s.template_model_version,
               m.kyc_result_at, m.enroll_error
        FROM json_each(${JSON.stringify(submissionIds)}) ids
        LEFT JOIN submissions s ON s.submission_id = ids.value
        LEFT JOIN sync_submission_marks m ON m.submission_id = ids.value`,
  );
}

export function putSubmissionMark(
  db: WritableDb,
  mark: { submissionId: string; kycResultAt: string | null; enrollError: string | null },
  sweepId: string,
  now: number,
): void {
  execute(
    db,
    sql`INSERT INTO sync_submission_marks (submission_id, kyc_result_at, sweep_id, enroll_error, updated_at)
        VALUES (${mark.submissionId}, ${mark.kycResultAt}, ${sweepId}, ${mark.enrollError}, ${now})
        ON CONFLICT (submission_id) DO UPDATE SET kyc_result_at = excluded.kyc_result_at,
          sweep_id = excluded.sweep_id, enroll_error = excluded.enroll_error,
          updated_at = excluded.updated_at`,
  );
}

/** Only the sweep id moves: the item was listed unchanged. */
export function touchSubmissionMark(
  db: WritableDb,
  submissionId: string,
  sweepId: string,
  now: number,
): void {
  execute(
    db,
    sql`UPDATE sync_submission_marks SET sweep_id = ${sweepId}, updated_at = ${now}
        WHERE submission_id = ${submissionId}`,
  );
}

/** Cached, still-approved submissions a finished sweep did not list: candidates for removal. */
export function approvedNotInSweep(db: ReadableDb, sweepId: string, limit: number): string[] {
  return queryAll<{ submission_id: string }>(
    db,
    sql`SELECT s.submission_id FROM submissions s
        LEFT JOIN sync_submission_marks m ON m.submission_id = s.submission_id
        WHERE s.status = 'approved' AND (m.sweep_id IS NULL OR m.sweep_id <> ${sweepId})
        ORDER BY s.submission_id LIMIT ${limit}`,
  ).map((row) => row.submission_id);
}
