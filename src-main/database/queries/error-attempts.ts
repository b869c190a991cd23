// SQL for verifications that ended in a FaceAuth error: who, when, which id, which code. History
// searches them with the same filters as results (any part of the id or the operator's name, in
// any case); retention deletes them after the captured-image window.
import { execute, queryAll, sql, type ReadableDb, type WritableDb } from '../db/sql';
import { containsPattern } from './result-search';

export interface ErrorAttemptRow {
  attempt_id: string;
  submission_id: string;
  error_code: string;
  station_id: string;
  operator_id: string | null;
  recorded_at: number;
  /** Joined from operators, for people reading history. */
  operator_name: string | null;
}

export interface ErrorAttemptRecord {
  attemptId: string;
  submissionId: string;
  errorCode: string;
  stationId: string;
  operatorId: string | null;
  operatorName: string | null;
  recordedAt: number;
}

export function rowToErrorAttempt(row: ErrorAttemptRow): ErrorAttemptRecord {
  return {
    attemptId: row.attempt_id,
    submissionId: row.submission_id,
    errorCode: row.error_code,
    stationId: row.station_id,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    recordedAt: row.recorded_at,
  };
}

export function insertErrorAttempt(
  db: WritableDb,
  attempt: Omit<ErrorAttemptRecord, 'operatorName'>,
): void {
  execute(
    db,
    sql`INSERT INTO error_attempts
          (attempt_id, submission_id, error_code, station_id, operator_id, recorded_at)
        VALUES (${attempt.attemptId}, ${attempt.submissionId}, ${attempt.errorCode},
          ${attempt.stationId}, ${attempt.operatorId}, ${attempt.recordedAt})`,
  );
}

export interface ErrorAttemptSearch {
  submissionId: string | null;
  operatorId: string | null;
  operatorName?: string | null;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  limit: number;
}

export function searchErrorAttemptRows(
  db: ReadableDb,
  search: ErrorAttemptSearch,
): ErrorAttemptRecord[] {
  const idPattern = containsPattern(search.submissionId);
  const operatorPattern = containsPattern(search.operatorName);
  return queryAll<ErrorAttemptRow>(
    db,
    sql`SELECT e.*, op.display_name AS operator_name FROM error_attempts e
        LEFT JOIN operators op ON op.operator_id = e.operator_id
        WHERE (${idPattern} IS NULL OR e.submission_id LIKE ${idPattern} ESCAPE '\\')
          AND (${search.operatorId} IS NULL OR e.operator_id = ${search.operatorId})
          AND (${operatorPattern} IS NULL OR op.display_name LIKE ${operatorPattern} ESCAPE '\\'
               OR op.username LIKE ${operatorPattern} ESCAPE '\\')
          AND e.recorded_at >= ${search.from} AND e.recorded_at < ${search.to}
        ORDER BY e.recorded_at DESC, e.attempt_id
        LIMIT ${search.limit}`,
  ).map(rowToErrorAttempt);
}

/** Deletes attempts recorded before `cutoff`; returns how many went. */
export function deleteErrorAttemptsBefore(db: WritableDb, cutoff: number): number {
  return execute(db, sql`DELETE FROM error_attempts WHERE recorded_at < ${cutoff}`).changes;
}
