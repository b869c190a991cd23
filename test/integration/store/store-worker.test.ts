// The store as main uses it: a worker thread behind the typed client, opened through
// openStationStore with a key wrapper. Covers persistence across restarts, safe mode and
// refusal as seen from main, and that main's event loop keeps running during a large write.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/client';
import { asWritable } from '../../../src-main/database/db/sql';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/database/migrations';
import { migrate } from '../../../src-main/database/migrations/runner';
import { createPlaintextKeyWrapper } from '../../../src-main/store/keys/plaintext-key-wrapper';
import {
  DATA_KEY_FILE,
  DATABASE_FILE,
  openStationStore,
} from '../../../src-main/store/station-store';
import { loadOrCreateDataKey } from '../../../src-main/store/keys/key-wrapper';
import {
  cipherContext,
  createBiometricCipher,
} from '../../../src-main/database/crypto/biometric-cipher';
import { makeTempDir, POLICY_85 } from '../../support/store/context';
import { approvedResult } from '../../support/store/fixtures';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function tempDir(): string {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  return dir;
}

const quiet = { log: () => undefined };

describe('store worker and client', () => {
  it('persists across a restart, warns about the plaintext key, and keeps main responsive', async () => {
    const dataDir = tempDir();
    const warnings: string[] = [];
    const first = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-1',
      log: (_level, message) => warnings.push(message),
    });
    expect(first.keyProtection).toBe('plaintext');
    expect(warnings.join('\n')).toMatch(/PLAINTEXT/);
    expect(first.store.status).toMatchObject({
      mode: 'writable',
      schemaVersion: LATEST_SCHEMA_VERSION,
    });

    const items = Array.from({ length: 20_000 }, (_, i) => ({
      submissionId: `sub-${i}`,
      status: 'approved',
      policy: POLICY_85,
      templates: { modelVersion: 'm1', data: new Uint8Array(512).fill(i % 256) },
    }));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const written = await first.store.send('submissions:upsertMany', { items });
    clearInterval(timer);
    expect(written).toEqual({ written: 20_000, purged: 0 });
    // The write ran in the worker: main's timers kept firing meanwhile.
    expect(ticks).toBeGreaterThan(0);

    await first.store.send('results:record', {
      submissionId: 'sub-7',
      result: approvedResult('auth-1'),
      modelVersion: 'm1',
      policyVersion: 'p1',
      operatorId: null,
      capturedImage: new Uint8Array([1, 2, 3]),
    });
    await first.store.close();
    await expect(first.store.send('outbox:counts', {})).rejects.toMatchObject({ code: 'closed' });

    // The worker encrypted with the key in data-key.bin (not a wiped or default buffer).
    const key = await loadOrCreateDataKey(
      join(dataDir, DATA_KEY_FILE),
      createPlaintextKeyWrapper(),
    );
    const raw = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const row = raw
      .prepare(`SELECT captured_image_enc AS blob FROM results WHERE authentication_id = 'auth-1'`)
      .get() as { blob: Buffer };
    raw.close();
    const plain = createBiometricCipher(key.key).decrypt(
      row.blob,
      cipherContext.capturedImage('auth-1'),
    );
    expect(Array.from(plain)).toEqual([1, 2, 3]);

    const second = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-1',
      ...quiet,
    });
    const found = await second.store.send('submissions:lookup', { submissionId: 'sub-7' });
    expect(found.found && Array.from(found.templates?.data.subarray(0, 3) ?? [])).toEqual([
      7, 7, 7,
    ]);
    expect(
      await second.store.send('results:capturedImage', { authenticationId: 'auth-1' }),
    ).toEqual(new Uint8Array([1, 2, 3]));
    expect(await second.store.send('outbox:counts', {})).toEqual({ pending: 2, parked: 0 });
    expect(await second.store.send('audit:verify', {})).toMatchObject({ ok: true, entries: 1 });
    expect(await second.store.send('results:get', { authenticationId: 'no-such-id' })).toBeNull();
    await second.store.close();
  });

  it('reports safe mode to main and refuses writes with its message', async () => {
    const dataDir = tempDir();
    const first = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st',
      ...quiet,
    });
    await first.store.send('submissions:upsertMany', {
      items: Array.from({ length: 300 }, (_, i) => ({
        submissionId: `s-${i}`,
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'm', data: new Uint8Array(600) },
      })),
    });
    await first.store.close();
    const fd = openSync(join(dataDir, DATABASE_FILE), 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    closeSync(fd);

    const errors: string[] = [];
    const second = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st',
      log: (level, message) => level === 'error' && errors.push(message),
    });
    expect(second.store.safeMode).toBe(true);
    expect(errors.join()).toMatch(/READ-ONLY SAFE MODE/);
    await expect(
      second.store.send('results:record', {
        submissionId: 's-1',
        result: approvedResult('x'),
        modelVersion: 'm',
        policyVersion: 'p',
        operatorId: null,
      }),
    ).rejects.toMatchObject({ code: 'safe_mode' });
    await second.store.close();
  });

  it('fails to open a database from a newer app, and rejects unknown methods', async () => {
    const dir = tempDir();
    const path = join(dir, 'newer.db');
    const db = asWritable(new Database(path));
    migrate(db, [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: '9999-future', up: () => undefined },
    ]);
    db.close();
    await expect(
      openStore({
        dbPath: path,
        dataKey: Buffer.alloc(32),
        auditKey: Buffer.alloc(32),
        stationId: 's',
      }),
    ).rejects.toMatchObject({
      code: 'db_newer',
    });

    const ok = await openStore({
      dbPath: join(dir, 'ok.db'),
      dataKey: Buffer.alloc(32),
      auditKey: Buffer.alloc(32),
      stationId: 's',
    });
    await expect(ok.send('nope:nothing' as 'outbox:counts', {})).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await ok.close();
  });
});
