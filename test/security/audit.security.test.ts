// Issue 11, part 4 (the audit chain proves something): an attacker with the database file edits
// the chain outside the station, then the station is started again. Real parts throughout: the
// browser host with its store worker on real SQLite files, the WebSocket bridge, better-sqlite3
// for the attacker's edits.
import { existsSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/browser-host';
import { computeEntryHash, GENESIS_HASH } from '../../src-main/audit/chain';
import { silentLogger } from '../../src-main/host/logger';
import { createPlaintextKeyWrapper } from '../../src-main/store/keys/plaintext-key-wrapper';
import type { AuditRow } from '../../src-main/store/queries/audit';
import { AUDIT_KEY_FILE, DATABASE_FILE } from '../../src-main/store/station-store';
import { call, openBridge } from '../support/ws-client';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const ADMIN = { username: 'admin', displayName: 'Ada', password: 'admin password 1' };
const temps: string[] = [];
const hosts: BrowserHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function startStation(dataDir: string): Promise<BrowserHost> {
  const rendererDir = tempDir('renderer-');
  temps.push(rendererDir);
  const host = await startBrowserHost({
    rendererDir,
    port: 0,
    version: '1.0.0',
    logger: silentLogger,
    engine: 'off',
    keyWrapper: createPlaintextKeyWrapper(),
    config: {
      centralBaseUrl: null,
      dataDir,
      connectivityIntervalMs: 60_000,
      faceAuthKey: null,
      idCheckKey: null,
      stationId: 'station-audit',
      demo: 'off',
    },
  });
  hosts.push(host);
  return host;
}

async function stop(host: BrowserHost): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}

/** A station with a few audit entries (account created, sign-ins, sign-outs). */
async function stationWithHistory(): Promise<string> {
  const dataDir = tempDir('station-audit-');
  temps.push(dataDir);
  const host = await startStation(dataDir);
  const bridge = await openBridge(host.origin, host.token);
  expect((await call(bridge, 'session:createFirstAdmin', ADMIN)).ok).toBe(true);
  for (let i = 0; i < 3; i += 1) {
    await call(bridge, 'session:signOut', {});
    await call(bridge, 'session:signIn', { username: ADMIN.username, password: ADMIN.password });
  }
  const verified = await call(bridge, 'audit:verify', {});
  expect(verified).toMatchObject({ ok: true, value: { ok: true, problems: 0 } });
  bridge.close();
  await stop(host);
  return dataDir;
}

/** The attacker's own handle on the file, with the append-only triggers out of the way. */
function tamper(dataDir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.exec(`DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;
    DROP TRIGGER audit_acknowledgements_no_update; DROP TRIGGER audit_acknowledgements_no_delete;`);
  edit(db);
  db.exec(`CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
  db.close();
}

function rows(db: Database.Database): AuditRow[] {
  return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}

/** Today's (pre-issue-11) verifier: sequence, links and unkeyed hashes only. */
function passesUnkeyedCheck(db: Database.Database): boolean {
  let prev = GENESIS_HASH;
  return rows(db).every((row, index) => {
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

async function auditStateAfterRestart(dataDir: string) {
  const host = await startStation(dataDir);
  const bridge = await openBridge(host.origin, host.token);
  const startup = host.services.status.current().auditChain;
  await call(bridge, 'session:signIn', { username: ADMIN.username, password: ADMIN.password });
  const onDemand = await call(bridge, 'audit:verify', {});
  bridge.close();
  return { host, startup, onDemand, safeMode: host.services.store.safeMode };
}

describe('keyed audit chain', () => {
  it('attack: re-hashed audit chain', async () => {
    const dataDir = await stationWithHistory();
    // The attack: delete entry 3, then renumber and re-hash every later entry with the old,
    // unkeyed formula; the MACs cannot be recomputed without the key, so they are dropped.
    tamper(dataDir, (db) => {
      const all = rows(db);
      db.prepare('DELETE FROM audit_log WHERE seq >= 3').run();
      // Queued copies for the central API would give the edit away: gone too.
      db.prepare(`DELETE FROM outbox WHERE kind = 'audit'`).run();
      let prevHash = (all[1] as AuditRow).hash;
      for (const row of all.slice(3)) {
        const entry = { ...row, seq: row.seq - 1, prevHash, payloadJson: row.payload_json };
        const hash = computeEntryHash(entry);
        db.prepare(
          `INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash, mac)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
        ).run(entry.seq, row.at, row.kind, row.actor, row.payload_json, prevHash, hash);
        prevHash = hash;
      }
      // Against today's unkeyed verification the forged chain is flawless.
      expect(passesUnkeyedCheck(db)).toBe(true);
    });

    const after = await auditStateAfterRestart(dataDir);
    // Detected at the next start, by the store worker, and kept in the status bar.
    expect(after.startup).toMatchObject({ ok: false });
    expect(after.startup?.problems).toBeGreaterThan(0);
    expect(after.onDemand).toMatchObject({ ok: true, value: { ok: false } });
    const problems = (after.onDemand.value as { firstProblems: { kind: string }[] }).firstProblems;
    expect(problems.map((p) => p.kind)).toContain('mac_missing');
    expect(after.host.services.status.current().auditChain?.ok).toBe(false);
  }, 60_000);

  it('attack: MACs forged by copying them onto re-hashed entries', async () => {
    const dataDir = await stationWithHistory();
    // The attacker keeps each old MAC on its renumbered entry, hoping nobody checks what it binds.
    tamper(dataDir, (db) => {
      const all = rows(db);
      db.prepare('DELETE FROM audit_log WHERE seq >= 2').run();
      db.prepare(`DELETE FROM outbox WHERE kind = 'audit'`).run();
      let prevHash = (all[0] as AuditRow).hash;
      for (const row of all.slice(2)) {
        const entry = { ...row, seq: row.seq - 1, prevHash, payloadJson: row.payload_json };
        const hash = computeEntryHash(entry);
        db.prepare(
          `INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash, mac)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(entry.seq, row.at, row.kind, row.actor, row.payload_json, prevHash, hash, row.mac);
        prevHash = hash;
      }
    });
    const after = await auditStateAfterRestart(dataDir);
    expect(after.startup?.ok).toBe(false);
    const problems = (after.onDemand.value as { firstProblems: { kind: string }[] }).firstProblems;
    expect(problems.map((p) => p.kind)).toContain('mac_mismatch');
  }, 60_000);

  it('attack: audit head forged in the same database', async () => {
    const dataDir = await stationWithHistory();
    // The central API acknowledged the chain's head (what sync does on a 2xx reply).
    const host = await startStation(dataDir);
    const items = await host.services.store.send('outbox:peek', { limit: 500 });
    const auditIds = items.filter((i) => i.kind === 'audit').map((i) => i.outboxId);
    await host.services.store.send('outbox:confirm', { outboxIds: auditIds });
    await stop(host);
    // The attack: cut off the newest entries and replace the acknowledgement with one that fits.
    tamper(dataDir, (db) => {
      const all = rows(db);
      const keep = all.length - 3;
      const newHead = all[keep - 1] as AuditRow;
      db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
      db.prepare('DELETE FROM audit_acknowledgements').run();
      db.prepare('INSERT INTO audit_acknowledgements VALUES (?, ?, ?, ?)').run(
        newHead.seq,
        newHead.hash,
        Date.now(),
        'f'.repeat(64),
      );
      db.prepare('UPDATE audit_synced_head SET seq = ?, hash = ?').run(newHead.seq, newHead.hash);
      expect(passesUnkeyedCheck(db)).toBe(true);
    });
    const after = await auditStateAfterRestart(dataDir);
    expect(after.startup?.ok).toBe(false);
    const problems = (after.onDemand.value as { firstProblems: { kind: string }[] }).firstProblems;
    expect(problems.map((p) => p.kind)).toContain('acknowledgement_forged');
  }, 60_000);

  it('attack: MACs stripped and the audit key check removed, hoping for a re-seal', async () => {
    const dataDir = await stationWithHistory();
    tamper(dataDir, (db) => {
      db.prepare('UPDATE audit_log SET mac = NULL').run();
      db.prepare(`DELETE FROM station_key_checks WHERE name = 'audit'`).run();
    });
    const after = await auditStateAfterRestart(dataDir);
    // Not re-sealed: the store refuses the key it cannot prove and opens read-only.
    expect(after.safeMode).toBe(true);
    expect(after.startup?.ok).toBe(false);
    await stop(after.host);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(rows(db).every((row) => row.mac === null)).toBe(true);
    db.close();

    // The audit key file deleted as well: a new key is refused too, and not left behind.
    unlinkSync(join(dataDir, AUDIT_KEY_FILE));
    const again = await auditStateAfterRestart(dataDir);
    expect(again.safeMode).toBe(true);
    await stop(again.host);
    expect(existsSync(join(dataDir, AUDIT_KEY_FILE))).toBe(false);
  }, 60_000);

  it('lets only admins verify on demand', async () => {
    const dataDir = tempDir('station-audit-');
    temps.push(dataDir);
    const host = await startStation(dataDir);
    const bridge = await openBridge(host.origin, host.token);
    expect(await call(bridge, 'audit:verify', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    // A supervisor is signed in on another connection: still not theirs to run.
    expect((await call(bridge, 'session:createFirstAdmin', ADMIN)).ok).toBe(true);
    const supervisor = {
      username: 'super1',
      displayName: 'Sam',
      role: 'supervisor',
      password: 'super password 12',
    };
    expect(await call(bridge, 'operators:create', supervisor)).toMatchObject({ ok: true });
    const desk = await openBridge(host.origin, host.token);
    await call(desk, 'session:signIn', {
      username: supervisor.username,
      password: supervisor.password,
    });
    expect(await call(desk, 'audit:verify', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    desk.close();
    bridge.close();
  }, 60_000);
});
