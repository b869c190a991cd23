// Results with their delivery state, in id order, for delivery checks (chaos runs, exports).
import { queryAll, sql, type ReadableDb } from '../db/sql';

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
