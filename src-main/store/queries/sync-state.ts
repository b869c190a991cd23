// SQL for the sync module's own state (migration 0004): cursors, push attempts, event batches,
// pulled-submission marks and central disagreements.
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export function getCursor(db: ReadableDb, name: string): unknown {
  const row = queryOne<{ value_json: string }>(
    db,
    sql`SELECT value_json FROM sync_cursors WHERE name = ${name}`,
  );
  return row === undefined ? null : (JSON.parse(row.value_json) as unknown);
}

export function putCursor(db: WritableDb, name: string, value: unknown, now: number): void {
  const valueJson = JSON.stringify(value ?? null);
  execute(
    db,
    sql`INSERT INTO sync_cursors (name, value_json, updated_at) VALUES (${name}, ${valueJson}, ${now})
        ON CONFLICT (name) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
}

export interface PushAttemptRow {
  authentication_id: string;
  attempts: number;
  first_attempt_at: number;
  last_attempt_at: number;
}

export function findPushAttempt(
  db: ReadableDb,
  authenticationId: string,
): PushAttemptRow | undefined {
  return queryOne<PushAttemptRow>(
    db,
    sql`SELECT * FROM sync_push_attempts WHERE authentication_id = ${authenticationId}`,
  );
}

export function notePushAttempt(db: WritableDb, authenticationId: string, now: number): void {
  execute(
    db,
    sql`INSERT INTO sync_push_attempts (authentication_id, attempts, first_attempt_at, last_attempt_at)
        VALUES (${authenticationId}, 1, ${now}, ${now})
        ON CONFLICT (authentication_id) DO UPDATE SET attempts = attempts + 1,
          last_attempt_at = excluded.last_attempt_at`,
  );
}

export function deletePushAttempt(db: WritableDb, authenticationId: string): void {
  execute(db, sql`DELETE FROM sync_push_attempts WHERE authentication_id = ${authenticationId}`);
}

export interface EventBatchRow {
  idempotency_key: string;
  outbox_ids_json: string;
  body_json: string;
  created_at: number;
}

export function insertEventBatch(db: WritableDb, row: EventBatchRow): void {
  execute(
    db,
    sql`INSERT INTO sync_event_batches (idempotency_key, outbox_ids_json, body_json, created_at)
        VALUES (${row.idempotency_key}, ${row.outbox_ids_json}, ${row.body_json}, ${row.created_at})`,
  );
}

export function listEventBatches(db: ReadableDb): EventBatchRow[] {
  return queryAll<EventBatchRow>(
    db,
    sql`SELECT * FROM sync_event_batches ORDER BY created_at, idempotency_key`,
  );
}

export function deleteEventBatch(db: WritableDb, key: string): void {
  execute(db, sql`DELETE FROM sync_event_batches WHERE idempotency_key = ${key}`);
}

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

export function flagDisagreement(
  db: WritableDb,
  row: {
    authenticationId: string;
    localStatus: string;
    centralStatus: string;
    centralAuthenticationId: string | null;
  },
  now: number,
): void {
  execute(
    db,
    sql`INSERT INTO central_disagreements (authentication_id, local_status, central_status,
          central_authentication_id, flagged_at)
        VALUES (${row.authenticationId}, ${row.localStatus}, ${row.centralStatus},
          ${row.centralAuthenticationId}, ${now})
        ON CONFLICT (authentication_id) DO UPDATE SET central_status = excluded.central_status,
          central_authentication_id = excluded.central_authentication_id`,
  );
}

export function markDisagreementReviewed(
  db: WritableDb,
  authenticationId: string,
  now: number,
): boolean {
  return (
    execute(
      db,
      sql`UPDATE central_disagreements SET reviewed_at = ${now}
          WHERE authentication_id = ${authenticationId} AND reviewed_at IS NULL`,
    ).changes > 0
  );
}

export interface DisagreementRow {
  authentication_id: string;
  local_status: string;
  central_status: string;
  central_authentication_id: string | null;
  flagged_at: number;
  reviewed_at: number | null;
}

export function listOpenDisagreements(db: ReadableDb, limit: number): DisagreementRow[] {
  return queryAll<DisagreementRow>(
    db,
    sql`SELECT * FROM central_disagreements WHERE reviewed_at IS NULL
        ORDER BY flagged_at DESC, authentication_id LIMIT ${limit}`,
  );
}

export interface SyncCounts {
  submissions: number;
  verifiable: number;
  newest_seen_at: number | null;
  oldest_verifiable_seen_at: number | null;
  unsynced_results: number;
  open_disagreements: number;
  pending_event_batches: number;
}

export function syncCounts(db: ReadableDb): SyncCounts {
  const row = queryOne<SyncCounts>(
    db,
    sql`SELECT
          (SELECT count(*) FROM submissions) AS submissions,
          (SELECT count(*) FROM submissions WHERE status = 'approved' AND templates_enc IS NOT NULL)
            AS verifiable,
          (SELECT max(last_seen_at) FROM submissions) AS newest_seen_at,
          (SELECT min(last_seen_at) FROM submissions
            WHERE status = 'approved' AND templates_enc IS NOT NULL) AS oldest_verifiable_seen_at,
          (SELECT count(*) FROM results WHERE synced_at IS NULL) AS unsynced_results,
          (SELECT count(*) FROM central_disagreements WHERE reviewed_at IS NULL)
            AS open_disagreements,
          (SELECT count(*) FROM sync_event_batches) AS pending_event_batches`,
  );
  if (row === undefined) throw new Error('count query returned no row');
  return row;
}

/** Releases every lease: called by the one sync process at start, after a crash left leases. */
export function releaseOutboxClaims(db: WritableDb): number {
  return execute(db, sql`UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL`)
    .changes;
}

export interface DeliveryRow {
  authentication_id: string;
  submission_id: string;
  auth_status: string;
  request_fields_json: string;
  synced_at: number | null;
  central_verdict_json: string | null;
  latest_override: string | null;
}

/** Results after `afterId` in id order, for delivery checks (chaos runs, exports). */
export function deliveryRows(db: ReadableDb, afterId: string, limit: number): DeliveryRow[] {
  return queryAll<DeliveryRow>(
    db,
    sql`SELECT r.authentication_id, r.submission_id, r.auth_status, r.request_fields_json,
               r.synced_at, r.central_verdict_json,
               (SELECT o.decision FROM overrides o WHERE o.authentication_id = r.authentication_id
                ORDER BY o.override_id DESC LIMIT 1) AS latest_override
        FROM results r WHERE r.authentication_id > ${afterId}
        ORDER BY r.authentication_id LIMIT ${limit}`,
  );
}
