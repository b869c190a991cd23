// A station database written before issue 11 (schema 5: no key checks, an unkeyed audit chain)
// opened by this version: the data key is proven on stored data, the check values recorded, the
// old chain sealed once under a new audit key, and a wrong key still refused.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/audit/canonical';
import { computeEntryHash, GENESIS_HASH } from '../../../src-main/audit/chain';
import {
  cipherContext,
  createBiometricCipher,
} from '../../../src-main/database/crypto/biometric-cipher';
import { asWritable } from '../../../src-main/database/db/sql';
import { createKeyFile } from '../../../src-main/store/keys/key-wrapper';
import { createPlaintextKeyWrapper } from '../../../src-main/store/keys/plaintext-key-wrapper';
import { MIGRATIONS } from '../../../src-main/database/migrations';
import { migrate } from '../../../src-main/database/migrations/runner';
import {
  AUDIT_KEY_FILE,
  DATA_KEY_FILE,
  DATABASE_FILE,
  openStationStore,
} from '../../../src-main/store/station-store';
import { POLICY_85 } from '../../support/store/context';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const quiet = { log: () => {} };

/** Writes a schema-5 station: one encrypted template and three unkeyed audit entries. */
async function legacyStation(): Promise<{ dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'legacy-station-'));
  temps.push(dataDir);
  const { key } = await createKeyFile(
    join(dataDir, DATA_KEY_FILE),
    createPlaintextKeyWrapper(),
    'data',
  );
  const db = asWritable(new Database(join(dataDir, DATABASE_FILE)));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, 5));
  db.prepare('INSERT INTO project_policies (policy_id, policy_json) VALUES (1, ?)').run(
    JSON.stringify(POLICY_85),
  );
  const sealed = createBiometricCipher(key).encrypt(
    new Uint8Array(16).fill(3),
    cipherContext.templates('sub-1'),
  );
  db.prepare(
    `INSERT INTO submissions (submission_id, status, policy_id, template_model_version,
       templates_enc, last_seen_at, status_changed_at) VALUES ('sub-1', 'approved', 1, 'm', ?, ?, ?)`,
  ).run(sealed, Date.now(), Date.now()); // seen now: retention at start must not purge it
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq += 1) {
    const entry = {
      seq,
      at: 1000 * seq,
      kind: 'station',
      actor: null,
      payloadJson: canonicalJson({ n: seq }),
      prevHash,
    };
    const hash = computeEntryHash(entry);
    db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      seq,
      entry.at,
      entry.kind,
      null,
      entry.payloadJson,
      prevHash,
      hash,
    );
    prevHash = hash;
  }
  db.close();
  return { dataDir };
}

describe('opening a database from before key checks and the keyed audit chain', () => {
  it('proves the data key on stored data, records the checks and seals the old chain once', async () => {
    const { dataDir } = await legacyStation();
    const { store } = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st',
      ...quiet,
    });
    expect(store.status).toMatchObject({
      mode: 'writable',
      migrated: [
        '0006-key-checks',
        '0007-audit-mac',
        '0008-error-attempts',
        '0009-drop-unused-sweep-index',
      ],
      auditKeyAccepted: true,
      audit: { ok: true, entries: 4 },
    });
    const found = await store.send('submissions:lookup', { submissionId: 'sub-1' });
    expect(found.found && Array.from(found.templates?.data ?? [])).toEqual(Array(16).fill(3));
    await store.close();

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare('SELECT seq, kind, payload_json, mac FROM audit_log').all() as {
      seq: number;
      kind: string;
      payload_json: string;
      mac: string | null;
    }[];
    const checks = db.prepare('SELECT name FROM station_key_checks ORDER BY name').all();
    db.close();
    expect(rows.every((row) => row.mac !== null)).toBe(true);
    expect(rows.at(-1)?.payload_json).toBe('{"event":"audit_chain_keyed","sealedEntries":3}');
    expect(checks).toEqual([{ name: 'audit' }, { name: 'data' }]);

    // The next start finds everything recorded: no second sealing, still intact.
    const again = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st',
      ...quiet,
    });
    expect(again.store.status).toMatchObject({ mode: 'writable', audit: { ok: true, entries: 4 } });
    await again.store.close();
  });

  it('refuses a wrong data key on such a database, and seals nothing', async () => {
    const { dataDir } = await legacyStation();
    rmSync(join(dataDir, DATA_KEY_FILE));
    await createKeyFile(join(dataDir, DATA_KEY_FILE), createPlaintextKeyWrapper(), 'data');
    const { store } = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st',
      ...quiet,
    });
    expect(store.status).toMatchObject({ mode: 'safe-readonly', message: /does not belong/ });
    await store.close();
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const unsealed = db.prepare('SELECT count(*) AS n FROM audit_log WHERE mac IS NULL').get();
    const checks = db.prepare('SELECT count(*) AS n FROM station_key_checks').get();
    db.close();
    expect(unsealed).toEqual({ n: 3 });
    expect(checks).toEqual({ n: 0 });
    // The audit key made on this start was refused with it, so it cannot shadow a later one.
    expect(existsSync(join(dataDir, AUDIT_KEY_FILE))).toBe(false);
  });

  it('records the checks on the next start when the first one was killed after migrating', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'killed-first-start-'));
    temps.push(dataDir);
    // The first start got as far as the migrations, then died before its key checks.
    const db = asWritable(new Database(join(dataDir, DATABASE_FILE)));
    migrate(db, MIGRATIONS);
    db.close();
    await createKeyFile(join(dataDir, DATA_KEY_FILE), createPlaintextKeyWrapper(), 'data');
    await createKeyFile(join(dataDir, AUDIT_KEY_FILE), createPlaintextKeyWrapper(), 'audit');
    const { store } = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st',
      ...quiet,
    });
    expect(store.status).toMatchObject({ mode: 'writable', audit: { ok: true, entries: 0 } });
    await store.close();
  });
});
