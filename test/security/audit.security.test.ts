// Issue 11, part 4 (the audit chain proves something): an attacker with the database file edits
// the chain outside the station, then the station is started again. Real parts throughout: the
// browser host with its store worker on real SQLite files, the WebSocket bridge, better-sqlite3
// for the attacker's edits (test/support/security/audit-files.ts).
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../src-main/browser-host/browser-host';
import { silentLogger } from '../../src-main/host/logger';
import type { AuditRow } from '../../src-main/database/queries/audit';
import { AUDIT_KEY_FILE, DATABASE_FILE } from '../../src-main/store/station-store';
import { startTestBrowserHost, type HostFixture } from '../support/browser-host-fixture';
import {
  auditRows,
  cutAndRehash,
  passesUnkeyedCheck,
  tamper as tamperFile,
} from '../support/security/audit-files';
import { useTempDir } from '../support/temp-dir';
import { call, openBridge } from '../support/ws-client';

const ADMIN = { username: 'admin', displayName: 'Ada', password: 'admin password 1' };
// Each test's station files, restarted on as often as the attack needs; removed after the test.
const dataDir = useTempDir('station-audit-');
const running = new Map<BrowserHost, HostFixture>();
afterEach(async () => {
  await Promise.all([...running.values()].map((fixture) => fixture.close()));
  running.clear();
});

async function startStation(): Promise<BrowserHost> {
  const fixture = await startTestBrowserHost(silentLogger, {
    dataDir: dataDir(),
    stationId: 'station-audit',
  });
  running.set(fixture.host, fixture);
  return fixture.host;
}

async function stop(host: BrowserHost): Promise<void> {
  await running.get(host)?.close();
  running.delete(host);
}

const tamper = (edit: (db: Database.Database) => void) =>
  tamperFile(join(dataDir(), DATABASE_FILE), edit);

/** This test's station with a few audit entries (account created, sign-ins, sign-outs). */
async function stationWithHistory(): Promise<void> {
  const host = await startStation();
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
}

async function auditStateAfterRestart() {
  const host = await startStation();
  const bridge = await openBridge(host.origin, host.token);
  const startup = host.services.status.current().auditChain;
  await call(bridge, 'session:signIn', { username: ADMIN.username, password: ADMIN.password });
  const onDemand = await call(bridge, 'audit:verify', {});
  bridge.close();
  return { host, startup, onDemand, safeMode: host.services.store.safeMode };
}

function problemKinds(onDemand: { value?: unknown }): string[] {
  return (onDemand.value as { firstProblems: { kind: string }[] }).firstProblems.map((p) => p.kind);
}

describe('keyed audit chain', () => {
  it('attack: re-hashed audit chain', async () => {
    await stationWithHistory();
    // The attack: delete entry 3, then renumber and re-hash every later entry with the old,
    // unkeyed formula; the MACs cannot be recomputed without the key, so they are dropped.
    tamper((db) => {
      cutAndRehash(db, 3, false);
      // Against today's unkeyed verification the forged chain is flawless.
      expect(passesUnkeyedCheck(db)).toBe(true);
    });

    const after = await auditStateAfterRestart();
    // Detected at the next start, by the store worker, and kept in the status bar.
    expect(after.startup).toMatchObject({ ok: false });
    expect(after.startup?.problems).toBeGreaterThan(0);
    expect(after.onDemand).toMatchObject({ ok: true, value: { ok: false } });
    expect(problemKinds(after.onDemand)).toContain('mac_missing');
    expect(after.host.services.status.current().auditChain?.ok).toBe(false);
  }, 60_000);

  it('attack: MACs forged by copying them onto re-hashed entries', async () => {
    await stationWithHistory();
    // The attacker keeps each old MAC on its renumbered entry, hoping nobody checks what it binds.
    tamper((db) => cutAndRehash(db, 2, true));
    const after = await auditStateAfterRestart();
    expect(after.startup?.ok).toBe(false);
    expect(problemKinds(after.onDemand)).toContain('mac_mismatch');
  }, 60_000);

  it('attack: audit head forged in the same database', async () => {
    await stationWithHistory();
    // The central API acknowledged the chain's head (what sync does on a 2xx reply).
    const host = await startStation();
    const items = await host.services.store.send('outbox:peek', { limit: 500 });
    const auditIds = items.filter((i) => i.kind === 'audit').map((i) => i.outboxId);
    await host.services.store.send('outbox:confirm', { outboxIds: auditIds });
    await stop(host);
    // The attack: cut off the newest entries and replace the acknowledgement with one that fits.
    tamper((db) => {
      const all = auditRows(db);
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
    const after = await auditStateAfterRestart();
    expect(after.startup?.ok).toBe(false);
    expect(problemKinds(after.onDemand)).toContain('acknowledgement_forged');
  }, 60_000);

  it('attack: MACs stripped and the audit key check removed, hoping for a re-seal', async () => {
    await stationWithHistory();
    tamper((db) => {
      db.prepare('UPDATE audit_log SET mac = NULL').run();
      db.prepare(`DELETE FROM station_key_checks WHERE name = 'audit'`).run();
    });
    const after = await auditStateAfterRestart();
    // Not re-sealed: the store refuses the key it cannot prove and opens read-only.
    expect(after.safeMode).toBe(true);
    expect(after.startup?.ok).toBe(false);
    await stop(after.host);
    const db = new Database(join(dataDir(), DATABASE_FILE), { readonly: true });
    expect(auditRows(db).every((row) => row.mac === null)).toBe(true);
    db.close();

    // The audit key file deleted as well: a new key is refused too, and not left behind.
    unlinkSync(join(dataDir(), AUDIT_KEY_FILE));
    const again = await auditStateAfterRestart();
    expect(again.safeMode).toBe(true);
    await stop(again.host);
    expect(existsSync(join(dataDir(), AUDIT_KEY_FILE))).toBe(false);
  }, 60_000);

  it('lets only admins verify on demand', async () => {
    const host = await startStation();
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
