// History search for the console: optional filters in one fixed statement (a NULL filter
// matches everything), newest first. Status filters on the decision that stands: the last
// override when there is one, else the station's verdict.
import { queryAll, sql, type ReadableDb } from '../db/sql';
import { rowToResult, type ResultRecord, type ResultRow } from './results';

export interface ResultSearch {
  submissionId: string | null;
  operatorId: string | null;
  status: 'approved' | 'rejected' | null;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  limit: number;
}

export function searchResultRows(db: ReadableDb, search: ResultSearch): ResultRecord[] {
  return queryAll<ResultRow>(
    db,
    sql`SELECT r.* FROM results r
        WHERE (${search.submissionId} IS NULL OR r.submission_id = ${search.submissionId})
          AND (${search.operatorId} IS NULL OR r.operator_id = ${search.operatorId})
          AND (${search.status} IS NULL OR COALESCE(
                (SELECT o.decision FROM overrides o WHERE o.authentication_id = r.authentication_id
                 ORDER BY o.override_id DESC LIMIT 1), r.auth_status) = ${search.status})
          AND r.recorded_at >= ${search.from} AND r.recorded_at < ${search.to}
        ORDER BY r.recorded_at DESC, r.authentication_id
        LIMIT ${search.limit}`,
  ).map(rowToResult);
}
