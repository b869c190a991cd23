// SQL for local FaceAuth results, their overrides and the central verdict that comes back later.
import {
  execute,
  queryAll,
  queryIterate,
  queryOne,
  sql,
  type ReadableDb,
  type WritableDb,
} from '../db/sql';

export interface ResultRow {
  authentication_id: string;
  submission_id: string;
  auth_status: 'approved' | 'rejected';
  create_time: string;
  result_json: string;
  request_fields_json: string;
  model_version: string;
  policy_version: string;
  station_id: string;
  operator_id: string | null;
  captured_image_enc: Buffer | null;
  image_purged_at: number | null;
  recorded_at: number;
  synced_at: number | null;
  central_verdict_json: string | null;
  central_verdict_at: number | null;
}

export interface ResultRecord {
  authenticationId: string;
  submissionId: string;
  authStatus: 'approved' | 'rejected';
  createTime: string;
  /** The exact FaceAuth JSON text, byte for byte as recorded. */
  resultJson: string;
  requestFieldsJson: string;
  modelVersion: string;
  policyVersion: string;
  stationId: string;
  operatorId: string | null;
  capturedImageEnc: Buffer | null;
  imagePurgedAt: number | null;
  recordedAt: number;
  syncedAt: number | null;
  centralVerdictJson: string | null;
  centralVerdictAt: number | null;
}

export function rowToResult(row: ResultRow): ResultRecord {
  return {
    authenticationId: row.authentication_id,
    submissionId: row.submission_id,
    authStatus: row.auth_status,
    createTime: row.create_time,
    resultJson: row.result_json,
    requestFieldsJson: row.request_fields_json,
    modelVersion: row.model_version,
    policyVersion: row.policy_version,
    stationId: row.station_id,
    operatorId: row.operator_id,
    capturedImageEnc: row.captured_image_enc,
    imagePurgedAt: row.image_purged_at,
    recordedAt: row.recorded_at,
    syncedAt: row.synced_at,
    centralVerdictJson: row.central_verdict_json,
    centralVerdictAt: row.central_verdict_at,
  };
}

export function insertResult(db: WritableDb, r: ResultRecord): void {
  execute(
    db,
    sql`INSERT INTO results (authentication_id, submission_id, auth_status, create_time, result_json,
          request_fields_json, model_version, policy_version, station_id, operator_id,
          captured_image_enc, image_purged_at, recorded_at, synced_at, central_verdict_json,
          central_verdict_at)
        VALUES (${r.authenticationId}, ${r.submissionId}, ${r.authStatus}, ${r.createTime},
          ${r.resultJson}, ${r.requestFieldsJson}, ${r.modelVersion}, ${r.policyVersion},
          ${r.stationId}, ${r.operatorId}, ${r.capturedImageEnc}, ${r.imagePurgedAt},
          ${r.recordedAt}, ${r.syncedAt}, ${r.centralVerdictJson}, ${r.centralVerdictAt})`,
  );
}

export function findResult(db: ReadableDb, authenticationId: string): ResultRecord | undefined {
  const row = queryOne<ResultRow>(
    db,
    sql`SELECT * FROM results WHERE authentication_id = ${authenticationId}`,
  );
  return row === undefined ? undefined : rowToResult(row);
}

export function listRecentResults(db: ReadableDb, limit: number): ResultRecord[] {
  return queryAll<ResultRow>(
    db,
    sql`SELECT * FROM results ORDER BY recorded_at DESC, authentication_id LIMIT ${limit}`,
  ).map(rowToResult);
}

export function iterateResults(
  db: ReadableDb,
  from: number,
  to: number,
): IterableIterator<ResultRow> {
  return queryIterate<ResultRow>(
    db,
    sql`SELECT * FROM results WHERE recorded_at >= ${from} AND recorded_at < ${to}
        ORDER BY recorded_at, authentication_id`,
  );
}

export function markResultSynced(db: WritableDb, authenticationId: string, now: number): void {
  execute(
    db,
    sql`UPDATE results SET synced_at = coalesce(synced_at, ${now})
        WHERE authentication_id = ${authenticationId}`,
  );
}

export function setCentralVerdict(
  db: WritableDb,
  authenticationId: string,
  verdictJson: string,
  now: number,
): boolean {
  return (
    execute(
      db,
      sql`UPDATE results SET central_verdict_json = ${verdictJson}, central_verdict_at = ${now}
          WHERE authentication_id = ${authenticationId}`,
    ).changes > 0
  );
}

/** Nulls captured images recorded before `cutoff` (and synced ones, if asked); returns their ids. */
export function purgeCapturedImages(
  db: WritableDb,
  rule: { cutoff: number; includeSynced: boolean },
  now: number,
): string[] {
  const includeSynced = rule.includeSynced ? 1 : 0;
  return queryAll<{ authentication_id: string }>(
    db,
    sql`UPDATE results SET captured_image_enc = NULL, image_purged_at = ${now}
        WHERE captured_image_enc IS NOT NULL
          AND ((${includeSynced} = 1 AND synced_at IS NOT NULL) OR recorded_at < ${rule.cutoff})
        RETURNING authentication_id`,
  ).map((row) => row.authentication_id);
}

export interface OverrideRow {
  override_id: number;
  authentication_id: string;
  supervisor_id: string;
  decision: 'approved' | 'rejected';
  reason: string;
  created_at: number;
}

export function insertOverride(db: WritableDb, o: Omit<OverrideRow, 'override_id'>): number {
  return Number(
    execute(
      db,
      sql`INSERT INTO overrides (authentication_id, supervisor_id, decision, reason, created_at)
          VALUES (${o.authentication_id}, ${o.supervisor_id}, ${o.decision}, ${o.reason}, ${o.created_at})`,
    ).lastInsertRowid,
  );
}

/** An override with the name of the operator who authorised it (the approving supervisor). */
export interface NamedOverrideRow extends OverrideRow {
  supervisor_name: string | null;
}

export function listOverrides(db: ReadableDb, authenticationId: string): NamedOverrideRow[] {
  return queryAll<NamedOverrideRow>(
    db,
    sql`SELECT o.*, op.display_name AS supervisor_name FROM overrides o
        LEFT JOIN operators op ON op.operator_id = o.supervisor_id
        WHERE o.authentication_id = ${authenticationId} ORDER BY o.override_id`,
  );
}

/** Operators are disabled, never deleted, so a result's operator keeps a name to show. */
export function operatorDisplayName(db: ReadableDb, operatorId: string | null): string | null {
  if (operatorId === null) return null;
  return (
    queryOne<{ display_name: string }>(
      db,
      sql`SELECT display_name FROM operators WHERE operator_id = ${operatorId}`,
    )?.display_name ?? null
  );
}

export function countResults(db: ReadableDb): number {
  return queryOne<{ n: number }>(db, sql`SELECT count(*) AS n FROM results`)?.n ?? 0;
}

/** Erasure of one person: nulls the captured images of every result of a submission. */
export function eraseCapturedImagesOf(db: WritableDb, submissionId: string, now: number): string[] {
  return queryAll<{ authentication_id: string }>(
    db,
    sql`UPDATE results SET captured_image_enc = NULL, image_purged_at = ${now}
        WHERE submission_id = ${submissionId} AND captured_image_enc IS NOT NULL
        RETURNING authentication_id`,
  ).map((row) => row.authentication_id);
}
