// SQL behind reconciliation without the cf echo: which submissions have a POST whose outcome
// is unknown, which central records the station already holds, and releasing leased items
// that a pass chose not to send yet.
import { execute, queryAll, sql, type ReadableDb, type WritableDb } from '../db/sql';

/** Results of `submissionIds` that carry an open attempt mark (POST outcome unknown). */
export function openAttemptsFor(
  db: ReadableDb,
  submissionIds: readonly string[],
): { submissionId: string; authenticationId: string }[] {
  return queryAll<{ submission_id: string; authentication_id: string }>(
    db,
    sql`SELECT r.submission_id, r.authentication_id FROM sync_push_attempts a
        JOIN results r ON r.authentication_id = a.authentication_id
        WHERE r.submission_id IN (SELECT value FROM json_each(${JSON.stringify(submissionIds)}))`,
  ).map((row) => ({ submissionId: row.submission_id, authenticationId: row.authentication_id }));
}

/** Central authentication ids already recorded for results of these submissions. */
export function centralIdsOnRecord(db: ReadableDb, submissionIds: readonly string[]): string[] {
  return queryAll<{ central_id: string | null }>(
    db,
    sql`SELECT json_extract(central_verdict_json, '$.authentication_id') AS central_id
        FROM results
        WHERE central_verdict_json IS NOT NULL
          AND submission_id IN (SELECT value FROM json_each(${JSON.stringify(submissionIds)}))`,
  ).flatMap((row) => (row.central_id === null ? [] : [row.central_id]));
}

/** Ends the lease on items without counting an attempt: they are due again at `dueAt`. */
export function releaseOutboxItems(
  db: WritableDb,
  outboxIds: readonly number[],
  dueAt: number,
): number {
  return execute(
    db,
    sql`UPDATE outbox SET claimed_until = NULL, next_attempt_at = ${dueAt}
        WHERE outbox_id IN (SELECT value FROM json_each(${JSON.stringify(outboxIds)}))`,
  ).changes;
}
