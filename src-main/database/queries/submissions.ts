// SQL for the submissions cache and the project policies it refers to.
import { ProjectPolicySchema, type ProjectPolicy } from '../../../src-shared/faceauth/policy';
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface SubmissionRow {
  submission_id: string;
  status: string;
  policy_json: string;
  template_model_version: string | null;
  templates_enc: Buffer | null;
  thumbnail_enc: Buffer | null;
  last_seen_at: number;
  status_changed_at: number;
  templates_purged_at: number | null;
}

export interface SubmissionRecord {
  submissionId: string;
  status: string;
  policy: ProjectPolicy;
  templateModelVersion: string | null;
  templatesEnc: Buffer | null;
  thumbnailEnc: Buffer | null;
  lastSeenAt: number;
  statusChangedAt: number;
  templatesPurgedAt: number | null;
}

export interface SubmissionWrite {
  submissionId: string;
  status: string;
  policyId: number;
  templateModelVersion: string | null;
  templatesEnc: Buffer | null;
  thumbnailEnc: Buffer | null;
  lastSeenAt: number;
}

export function rowToSubmission(row: SubmissionRow): SubmissionRecord {
  return {
    submissionId: row.submission_id,
    status: row.status,
    policy: ProjectPolicySchema.parse(JSON.parse(row.policy_json)),
    templateModelVersion: row.template_model_version,
    templatesEnc: row.templates_enc,
    thumbnailEnc: row.thumbnail_enc,
    lastSeenAt: row.last_seen_at,
    statusChangedAt: row.status_changed_at,
    templatesPurgedAt: row.templates_purged_at,
  };
}

export function findSubmission(db: ReadableDb, submissionId: string): SubmissionRecord | undefined {
  const row = queryOne<SubmissionRow>(
    db,
    sql`SELECT s.submission_id, s.status, p.policy_json, s.template_model_version, s.templates_enc,
               s.thumbnail_enc, s.last_seen_at, s.status_changed_at, s.templates_purged_at
        FROM submissions s JOIN project_policies p ON p.policy_id = s.policy_id
        WHERE s.submission_id = ${submissionId}`,
  );
  return row === undefined ? undefined : rowToSubmission(row);
}

/** Returns the id of the policy with exactly this canonical JSON, adding it when new. */
export function ensurePolicy(db: WritableDb, policyJson: string): number {
  execute(db, sql`INSERT OR IGNORE INTO project_policies (policy_json) VALUES (${policyJson})`);
  const row = queryOne<{ policy_id: number }>(
    db,
    sql`SELECT policy_id FROM project_policies WHERE policy_json = ${policyJson}`,
  );
  if (row === undefined) throw new Error('policy row vanished inside its transaction');
  return row.policy_id;
}

/** Insert or refresh one cached submission; status_changed_at moves only when the status does. */
export function upsertSubmission(db: WritableDb, write: SubmissionWrite, now: number): void {
  const purgedAt = write.templatesEnc === null ? now : null;
  execute(
    db,
    sql`INSERT INTO submissions (submission_id, status, policy_id, template_model_version,
          templates_enc, thumbnail_enc, last_seen_at, status_changed_at, templates_purged_at)
        VALUES (${write.submissionId}, ${write.status}, ${write.policyId}, ${write.templateModelVersion},
          ${write.templatesEnc}, ${write.thumbnailEnc}, ${write.lastSeenAt}, ${now}, ${purgedAt})
        ON CONFLICT (submission_id) DO UPDATE SET
          status = excluded.status,
          policy_id = excluded.policy_id,
          template_model_version = excluded.template_model_version,
          templates_enc = excluded.templates_enc,
          thumbnail_enc = excluded.thumbnail_enc,
          last_seen_at = max(submissions.last_seen_at, excluded.last_seen_at),
          status_changed_at = CASE WHEN submissions.status = excluded.status
            THEN submissions.status_changed_at ELSE excluded.status_changed_at END,
          templates_purged_at = CASE WHEN excluded.templates_enc IS NULL
            THEN coalesce(submissions.templates_purged_at, excluded.templates_purged_at) ELSE NULL END`,
  );
}

/** Status change reported by the central API; biometrics of a non-approved submission go at once. */
export function setSubmissionStatus(
  db: WritableDb,
  submissionId: string,
  status: string,
  keepBiometrics: boolean,
  now: number,
): boolean {
  const result = keepBiometrics
    ? execute(
        db,
        sql`UPDATE submissions SET status = ${status}, last_seen_at = max(last_seen_at, ${now}),
              status_changed_at = CASE WHEN status = ${status} THEN status_changed_at ELSE ${now} END
            WHERE submission_id = ${submissionId}`,
      )
    : execute(
        db,
        sql`UPDATE submissions SET status = ${status}, last_seen_at = max(last_seen_at, ${now}),
              status_changed_at = CASE WHEN status = ${status} THEN status_changed_at ELSE ${now} END,
              templates_enc = NULL, thumbnail_enc = NULL,
              templates_purged_at = coalesce(templates_purged_at, ${now})
            WHERE submission_id = ${submissionId}`,
      );
  return result.changes > 0;
}

/** Nulls the biometric columns of submissions not seen since `cutoff`; returns their ids. */
export function purgeStaleSubmissionBiometrics(
  db: WritableDb,
  cutoff: number,
  now: number,
): string[] {
  return queryAll<{ submission_id: string }>(
    db,
    sql`UPDATE submissions SET templates_enc = NULL, thumbnail_enc = NULL,
          templates_purged_at = coalesce(templates_purged_at, ${now})
        WHERE last_seen_at < ${cutoff}
          AND (templates_enc IS NOT NULL OR thumbnail_enc IS NOT NULL)
        RETURNING submission_id`,
  ).map((row) => row.submission_id);
}

export function countSubmissions(db: ReadableDb): number {
  return queryOne<{ n: number }>(db, sql`SELECT count(*) AS n FROM submissions`)?.n ?? 0;
}

/** Erasure of one person: nulls the submission's templates and thumbnail; true if it was cached. */
export function eraseSubmissionBiometrics(
  db: WritableDb,
  submissionId: string,
  now: number,
): boolean {
  return (
    execute(
      db,
      sql`UPDATE submissions SET templates_enc = NULL, thumbnail_enc = NULL,
            templates_purged_at = coalesce(templates_purged_at, ${now})
          WHERE submission_id = ${submissionId}`,
    ).changes > 0
  );
}

/**
 * The central API listed this submission again: it is still current, so retention must not
 * treat its templates as stale (retention purges by last_seen_at).
 */
export function markSubmissionSeen(db: WritableDb, submissionId: string, now: number): void {
  execute(
    db,
    sql`UPDATE submissions SET last_seen_at = max(last_seen_at, ${now})
        WHERE submission_id = ${submissionId}`,
  );
}
