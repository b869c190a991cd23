// Migrations: one test per migration on an in-memory database, then the runner's rules on real
// files: fresh, previous-version, newer and foreign databases, and transactional failure.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/database/db/open-database';
import { asWritable } from '../../../src-main/database/db/sql';
import { StoreError } from '../../../src-main/database/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/database/migrations';
import type { Migration } from '../../../src-main/database/migrations/migration';
import { migrate } from '../../../src-main/database/migrations/runner';
import { makeTempDir } from '../../support/store/context';

function tables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

function indexes(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof StoreError ? error.code : `non-store error: ${String(error)}`;
  }
  return undefined;
}

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function tempDb(): string {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  return join(dir, 'station.db');
}

describe('each migration on an in-memory database', () => {
  const expectedNewTables: Record<string, string[]> = {
    '0001-initial': [
      'outbox',
      'overrides',
      'project_policies',
      'results',
      'settings',
      'submissions',
    ],
    '0002-operators': ['operator_sessions', 'operators'],
    '0003-audit-chain': ['audit_log', 'audit_synced_head'],
    '0004-retention-indexes': [],
    '0005-sync-state': [
      'central_disagreements',
      'sync_cursors',
      'sync_event_batches',
      'sync_push_attempts',
      'sync_submission_marks',
    ],
    '0006-key-checks': ['station_key_checks'],
    '0007-audit-mac': ['audit_acknowledgements'],
    '0008-error-attempts': ['error_attempts'],
    '0009-drop-unused-sweep-index': [],
  };

  // Named indexes each step adds; whether queries use them: migration-indexes.test.ts.
  const expectedNewIndexes: Record<string, string[]> = {
    '0001-initial': [
      'outbox_due',
      'overrides_result',
      'results_recorded_at',
      'results_submission',
      'submissions_template_retention',
    ],
    '0002-operators': ['operator_sessions_operator'],
    '0003-audit-chain': [],
    '0004-retention-indexes': ['results_with_image'],
    '0005-sync-state': ['central_disagreements_open', 'sync_submission_marks_sweep'],
    '0006-key-checks': [],
    '0007-audit-mac': [],
    '0008-error-attempts': ['error_attempts_recorded_at'],
    // Drops 0005's sync_submission_marks_sweep (migration-indexes.test.ts).
    '0009-drop-unused-sweep-index': [],
  };

  it.each(MIGRATIONS.map((m, i) => [m.name, i] as const))(
    '%s creates its tables and indexes',
    (name, index) => {
      const db = asWritable(new Database(':memory:'));
      migrate(db, MIGRATIONS.slice(0, index));
      const before = new Set(tables(db));
      const indexesBefore = new Set(indexes(db));
      const report = migrate(db, MIGRATIONS.slice(0, index + 1));
      expect(report.applied).toEqual([name]);
      // migrate() with an empty list already created schema_migrations, so only this step's tables are new.
      expect(tables(db).filter((t) => !before.has(t))).toEqual(expectedNewTables[name]);
      expect(indexes(db).filter((i) => !indexesBefore.has(i))).toEqual(expectedNewIndexes[name]);
      expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    },
  );

  it('the audit log refuses in-place edits and deletions', () => {
    const db = asWritable(new Database(':memory:'));
    migrate(db, MIGRATIONS);
    db.prepare(
      `INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash)
       VALUES (1, 0, 'station', NULL, '{}', 'a', 'b')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET kind = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    // 0007: the one update allowed is sealing an entry written before the chain was keyed, once.
    db.prepare(`UPDATE audit_log SET mac = 'm1' WHERE seq = 1`).run();
    expect(() => db.prepare(`UPDATE audit_log SET mac = 'm2' WHERE seq = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(`UPDATE audit_log SET mac = NULL`).run()).toThrow(/append-only/);
    db.close();
  });

  it('keeps acknowledged audit heads append-only (0007)', () => {
    const db = asWritable(new Database(':memory:'));
    migrate(db, MIGRATIONS);
    db.prepare(`INSERT INTO audit_acknowledgements VALUES (1, 'h', 5, 'm')`).run();
    expect(() => db.prepare(`UPDATE audit_acknowledgements SET hash = 'x'`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(`DELETE FROM audit_acknowledgements`).run()).toThrow(/append-only/);
    db.close();
  });
});

describe('opening real files', () => {
  it('creates a fresh database at the latest version with the required pragmas on every open', () => {
    const path = tempDb();
    for (let open = 0; open < 2; open += 1) {
      const opened = openDatabase({ path });
      expect(opened.mode).toBe('writable');
      if (opened.mode !== 'writable') return;
      expect(opened.migration.applied).toEqual(open === 0 ? MIGRATIONS.map((m) => m.name) : []);
      expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(opened.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(opened.db.pragma('secure_delete', { simple: true })).toBe(1);
      opened.db.close();
    }
  });

  it('upgrades a previous-version database and keeps its data', () => {
    const path = tempDb();
    const old = asWritable(new Database(path));
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, 2), () => 1);
    old.prepare(`INSERT INTO project_policies (policy_json) VALUES ('{"p":1}')`).run();
    old
      .prepare(
        `INSERT INTO submissions (submission_id, status, policy_id, last_seen_at, status_changed_at) VALUES ('sub-1', 'approved', 1, 5, 5)`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO operators (operator_id, username, display_name, role, password_hash, created_at) VALUES ('o1', 'alice', 'Alice', 'admin', 'h', 1)`,
      )
      .run();
    old.close();

    const opened = openDatabase({ path });
    expect(opened.mode).toBe('writable');
    if (opened.mode !== 'writable') return;
    expect(opened.migration).toMatchObject({
      fromVersion: 2,
      toVersion: LATEST_SCHEMA_VERSION,
      applied: MIGRATIONS.slice(2).map((m) => m.name),
    });
    expect(
      opened.db.prepare(`SELECT status FROM submissions WHERE submission_id = 'sub-1'`).get(),
    ).toEqual({
      status: 'approved',
    });
    expect(opened.db.prepare(`SELECT username FROM operators`).get()).toEqual({
      username: 'alice',
    });
    expect(tables(opened.db)).toContain('audit_log');
    opened.db.close();
  });

  it('refuses a database from a newer app without touching it', () => {
    const path = tempDb();
    const future: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: '9999-from-the-future',
      up: (db) => db.exec('CREATE TABLE f (x)'),
    };
    const db = asWritable(new Database(path));
    migrate(db, [...MIGRATIONS, future]);
    db.close();
    const before = fileHash(path);
    expect(codeOf(() => openDatabase({ path }))).toBe('db_newer');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a database whose applied list is not a prefix of the known list', () => {
    const path = tempDb();
    const renamed = MIGRATIONS.map((m) =>
      m.version === 2 ? { ...m, name: '0002-someone-elses' } : m,
    );
    const db = asWritable(new Database(path));
    migrate(db, renamed.slice(0, 2));
    db.close();
    const before = fileHash(path);
    expect(codeOf(() => openDatabase({ path }))).toBe('db_unrecognised');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a foreign database that has tables but no migration history', () => {
    const path = tempDb();
    const db = new Database(path);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(codeOf(() => openDatabase({ path }))).toBe('db_unrecognised');
  });

  it('rolls a failing migration back completely', () => {
    const db = asWritable(new Database(':memory:'));
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: '9999-broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    migrate(db, MIGRATIONS);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(tables(db)).not.toContain('half_done');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: LATEST_SCHEMA_VERSION,
    });
    db.close();
  });
});
