// History search for the console: optional filters in one fixed statement (a NULL filter
// matches everything), newest first. The id and the operator are searched the way people type
// them: any part, any case. Status filters on the decision that stands: the last override when
// there is one, else the station's verdict.
import { queryAll, sql, type ReadableDb } from '../db/sql';
import { rowToResult, type ResultRecord, type ResultRow } from './results';

export interface ResultSearch {
  /** Any part of the submission id, case-insensitive. */
  submissionId: string | null;
  operatorId: string | null;
  /** Any part of the operator's display name or username, case-insensitive. */
  operatorName?: string | null;
  status: 'approved' | 'rejected' | null;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  limit: number;
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function searchResultRows(db: ReadableDb, search: ResultSearch): ResultRecord[] {
  const idPattern = containsPattern(search.submissionId);
  const operatorPattern = containsPattern(search.operatorName);
  return queryAll<ResultRow>(
    db,
    sql`SELECT r.* FROM results r
        WHERE (${idPattern} IS NULL OR r.submission_id LIKE ${idPattern} ESCAPE '\\')
          AND (${search.operatorId} IS NULL OR r.operator_id = ${search.operatorId})
          AND (${operatorPattern} IS NULL OR r.operator_id IN (
                SELECT op.operator_id FROM operators op
                WHERE op.display_name LIKE ${operatorPattern} ESCAPE '\\'
                   OR op.username LIKE ${operatorPattern} ESCAPE '\\'))
          AND (${search.status} IS NULL OR COALESCE(
                (SELECT o.decision FROM overrides o WHERE o.authentication_id = r.authentication_id
                 ORDER BY o.override_id DESC LIMIT 1), r.auth_status) = ${search.status})
          AND r.recorded_at >= ${search.from} AND r.recorded_at < ${search.to}
        ORDER BY r.recorded_at DESC, r.authentication_id
        LIMIT ${search.limit}`,
  ).map(rowToResult);
}
