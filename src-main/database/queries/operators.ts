// SQL for local operator accounts and their sessions.
import { execute, queryAll, queryOne, sql, type ReadableDb, type WritableDb } from '../db/sql';

export type OperatorRole = 'operator' | 'supervisor' | 'admin';

export interface OperatorRow {
  operator_id: string;
  username: string;
  display_name: string;
  role: OperatorRole;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  created_at: number;
  disabled_at: number | null;
}

export interface OperatorRecord {
  operatorId: string;
  username: string;
  displayName: string;
  role: OperatorRole;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: number | null;
  createdAt: number;
  disabledAt: number | null;
}

export function rowToOperator(row: OperatorRow): OperatorRecord {
  return {
    operatorId: row.operator_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export function insertOperator(db: WritableDb, o: OperatorRecord): void {
  execute(
    db,
    sql`INSERT INTO operators (operator_id, username, display_name, role, password_hash,
          failed_attempts, locked_until, created_at, disabled_at)
        VALUES (${o.operatorId}, ${o.username}, ${o.displayName}, ${o.role}, ${o.passwordHash},
          ${o.failedAttempts}, ${o.lockedUntil}, ${o.createdAt}, ${o.disabledAt})`,
  );
}

export function findOperatorByUsername(
  db: ReadableDb,
  username: string,
): OperatorRecord | undefined {
  const row = queryOne<OperatorRow>(db, sql`SELECT * FROM operators WHERE username = ${username}`);
  return row === undefined ? undefined : rowToOperator(row);
}

export function findOperatorById(db: ReadableDb, operatorId: string): OperatorRecord | undefined {
  const row = queryOne<OperatorRow>(
    db,
    sql`SELECT * FROM operators WHERE operator_id = ${operatorId}`,
  );
  return row === undefined ? undefined : rowToOperator(row);
}

export function listOperators(db: ReadableDb): OperatorRecord[] {
  return queryAll<OperatorRow>(db, sql`SELECT * FROM operators ORDER BY username`).map(
    rowToOperator,
  );
}

export function countOperators(db: ReadableDb): number {
  return queryOne<{ n: number }>(db, sql`SELECT count(*) AS n FROM operators`)?.n ?? 0;
}

export function setLoginFailures(
  db: WritableDb,
  operatorId: string,
  failedAttempts: number,
  lockedUntil: number | null,
): void {
  execute(
    db,
    sql`UPDATE operators SET failed_attempts = ${failedAttempts}, locked_until = ${lockedUntil}
        WHERE operator_id = ${operatorId}`,
  );
}

export function setPasswordHash(db: WritableDb, operatorId: string, passwordHash: string): void {
  execute(
    db,
    sql`UPDATE operators SET password_hash = ${passwordHash}, failed_attempts = 0, locked_until = NULL
        WHERE operator_id = ${operatorId}`,
  );
}

export function setOperatorDisabled(
  db: WritableDb,
  operatorId: string,
  disabledAt: number | null,
): void {
  execute(
    db,
    sql`UPDATE operators SET disabled_at = ${disabledAt} WHERE operator_id = ${operatorId}`,
  );
}

export interface SessionRow {
  token_hash: string;
  operator_id: string;
  created_at: number;
  last_used_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export function insertSession(db: WritableDb, s: SessionRow): void {
  execute(
    db,
    sql`INSERT INTO operator_sessions (token_hash, operator_id, created_at, last_used_at, expires_at, revoked_at)
        VALUES (${s.token_hash}, ${s.operator_id}, ${s.created_at}, ${s.last_used_at}, ${s.expires_at}, ${s.revoked_at})`,
  );
}

export function findSession(db: ReadableDb, tokenHash: string): SessionRow | undefined {
  return queryOne<SessionRow>(
    db,
    sql`SELECT * FROM operator_sessions WHERE token_hash = ${tokenHash}`,
  );
}

export function touchSession(db: WritableDb, tokenHash: string, now: number): void {
  execute(
    db,
    sql`UPDATE operator_sessions SET last_used_at = ${now} WHERE token_hash = ${tokenHash}`,
  );
}

export function revokeSession(db: WritableDb, tokenHash: string, now: number): boolean {
  return (
    execute(
      db,
      sql`UPDATE operator_sessions SET revoked_at = ${now}
          WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`,
    ).changes > 0
  );
}

export function revokeOperatorSessions(db: WritableDb, operatorId: string, now: number): void {
  execute(
    db,
    sql`UPDATE operator_sessions SET revoked_at = ${now}
        WHERE operator_id = ${operatorId} AND revoked_at IS NULL`,
  );
}

export function deleteExpiredSessions(db: WritableDb, now: number): number {
  return execute(
    db,
    sql`DELETE FROM operator_sessions WHERE expires_at < ${now} OR revoked_at IS NOT NULL`,
  ).changes;
}

export function setOperatorRole(db: WritableDb, operatorId: string, role: OperatorRole): void {
  execute(db, sql`UPDATE operators SET role = ${role} WHERE operator_id = ${operatorId}`);
}

/** Ends every session of an operator except one (the one that changed its own password). */
export function revokeOtherSessions(
  db: WritableDb,
  operatorId: string,
  keepTokenHash: string,
  now: number,
): void {
  execute(
    db,
    sql`UPDATE operator_sessions SET revoked_at = ${now}
        WHERE operator_id = ${operatorId} AND token_hash <> ${keepTokenHash} AND revoked_at IS NULL`,
  );
}

/** When each account last opened a desk session (successful sign-ins, read from the audit log
 *  so that no column is needed; authorisations such as a supervisor's approval do not count). */
export function lastSignIns(db: ReadableDb): Map<string, number> {
  const rows = queryAll<{ actor: string; at: number }>(
    db,
    sql`SELECT actor, max(at) AS at FROM audit_log
        WHERE kind = 'login' AND json_extract(payload_json, '$.outcome') = 'ok'
          AND json_extract(payload_json, '$.purpose') = 'session'
        GROUP BY actor`,
  );
  return new Map(rows.map((row) => [row.actor, row.at]));
}
