// SQL for central disagreements (migration 0005): results the central API decided differently.
import { execute, queryAll, sql, type ReadableDb, type WritableDb } from '../db/sql';

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
