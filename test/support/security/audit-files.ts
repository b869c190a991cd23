// The attacker's side of the audit attacks: their own better-sqlite3 handle on a station's file,
// with the append-only triggers dropped for the edit, and what they would check their forgery
// against. Shared by the audit and access attack files.
import Database from 'better-sqlite3';
import { computeEntryHash, GENESIS_HASH } from '../../../src-main/audit/chain';
import type { AuditRow } from '../../../src-main/database/queries/audit';

/** Edits the station's database outside the station, with the append-only triggers out of the way. */
export function tamper(dbPath: string, edit: (db: Database.Database) => void): void {
  const db = new Database(dbPath);
  db.exec(`DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;
    DROP TRIGGER audit_acknowledgements_no_update; DROP TRIGGER audit_acknowledgements_no_delete;`);
  edit(db);
  db.exec(`CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
  db.close();
}

export function auditRows(db: Database.Database): AuditRow[] {
  return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}

/** The pre-issue-11 verifier: sequence, links and unkeyed hashes only. */
export function passesUnkeyedCheck(db: Database.Database): boolean {
  let prev = GENESIS_HASH;
  return auditRows(db).every((row, index) => {
    const hash = computeEntryHash({
      seq: row.seq,
      at: row.at,
      kind: row.kind,
      actor: row.actor,
      payloadJson: row.payload_json,
      prevHash: row.prev_hash,
    });
    const ok = row.seq === index + 1 && row.prev_hash === prev && hash === row.hash;
    prev = row.hash;
    return ok;
  });
}

/**
 * Deletes entry `removed` and renumbers and re-hashes every later entry with the unkeyed formula,
 * so that the chain links up again. The MACs cannot be recomputed without the key: they are
 * dropped, or (`copyMacs`) each old MAC is kept on its renumbered entry. Queued copies for the
 * central API would give the edit away, so they go too.
 */
export function cutAndRehash(db: Database.Database, removed: number, copyMacs: boolean): void {
  const all = auditRows(db);
  db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(removed);
  db.prepare(`DELETE FROM outbox WHERE kind = 'audit'`).run();
  let prevHash = removed > 1 ? (all[removed - 2] as AuditRow).hash : GENESIS_HASH;
  for (const row of all.slice(removed)) {
    const entry = { ...row, seq: row.seq - 1, prevHash, payloadJson: row.payload_json };
    const hash = computeEntryHash(entry);
    db.prepare(
      `INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash, mac)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.seq,
      row.at,
      row.kind,
      row.actor,
      row.payload_json,
      prevHash,
      hash,
      copyMacs ? row.mac : null,
    );
    prevHash = hash;
  }
}

export interface AuditEntry {
  kind: string;
  actor: string | null;
  payload: string;
}

/** The entries written after `seq`, read from the file as the attacker (or an auditor) would. */
export function auditSince(dbPath: string, seq: number): AuditEntry[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT kind, actor, payload_json AS payload FROM audit_log WHERE seq > ? ORDER BY seq`,
      )
      .all(seq) as AuditEntry[];
  } finally {
    db.close();
  }
}
