// Issue 11, part 3 (keys at rest): attacks on the keys and files the station keeps on disk, driven
// against the real parts: the browser host's own entry in a child process, the real store worker
// on real SQLite files, and the files' modes as the OS reports them.
import { SignInGate } from '../../src-main/operators/sign-in-gate';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintextKeyWrapper } from '../../src-main/store/keys/plaintext-key-wrapper';
import {
  AUDIT_KEY_FILE,
  DATA_KEY_FILE,
  DATABASE_FILE,
  openStationStore,
} from '../../src-main/store/station-store';
import { POLICY_85 } from '../support/store/context';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
const quiet = { log: () => {} };

/** Runs the browser host's real entry (main.ts) until it prints its address or exits. */
async function runBrowserHost(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const renderer = tempDir('renderer-');
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>station</title>');
  const baseEnv = { ...process.env };
  delete baseEnv['FACEAUTH_KEY_PASSPHRASE'];
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/browser-host/main.ts',
      ...['--port', '0', '--engine', 'off', '--renderer', renderer],
      ...args,
    ],
    {
      cwd: REPO_ROOT,
      env: { ...baseEnv, FACEAUTH_DEMO: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // Started: the test has what it needs; stop it the way an operator would.
    if (stdout.includes('"event":"listening"')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

async function populatedStation(dataDir: string): Promise<void> {
  const { store } = await openStationStore({
    dataDir,
    keyWrapper: createPlaintextKeyWrapper(),
    stationId: 'st-keys',
    ...quiet,
  });
  await store.send('submissions:upsertMany', {
    items: [
      {
        submissionId: 'sub-1',
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'm', data: new Uint8Array(64).fill(7) },
      },
    ],
  });
  await store.close();
}

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('keys at rest', () => {
  it('attack: plaintext key without opt-in', async () => {
    // The attack: start the browser host as a careless deployment would, with no key choice,
    // hoping it writes the biometric data key as a plaintext file next to the database.
    const dataDir = join(tempDir('station-'), 'data');
    const run = await runBrowserHost([], { FACEAUTH_DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('listening');
    expect(run.stderr).toContain('FACEAUTH_KEY_PASSPHRASE');
    expect(run.stderr).toContain('--insecure-plaintext-key');
    // Nothing was written: no key file, no database.
    expect(existsSync(join(dataDir, DATA_KEY_FILE))).toBe(false);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
  }, 60_000);

  it('starts with a passphrase and keeps only scrypt-wrapped keys on disk', async () => {
    const dataDir = join(tempDir('station-'), 'data');
    const run = await runBrowserHost([], {
      FACEAUTH_DATA_DIR: dataDir,
      FACEAUTH_KEY_PASSPHRASE: 'a passphrase long enough',
    });
    expect(run.stdout).toContain('"event":"listening"');
    for (const file of [DATA_KEY_FILE, AUDIT_KEY_FILE]) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(Buffer.from('scrypt-aes256gcm/v1'))).toBe(true);
      expect(mode(join(dataDir, file))).toBe(0o600);
    }
    // And the explicit development flag still starts it, saying the key is plaintext.
    const flagged = await runBrowserHost(['--insecure-plaintext-key'], {
      FACEAUTH_DATA_DIR: join(tempDir('station-'), 'data'),
    });
    expect(flagged.stdout).toContain('"event":"listening"');
    expect(flagged.stderr).toMatch(/PLAINTEXT/);
  }, 90_000);

  it('attack: lost key file', async () => {
    // The attack (or accident): the data key file is gone, and the station is restarted,
    // hoping it makes a fresh key and carries on over templates it can no longer read.
    const dataDir = tempDir('station-');
    await populatedStation(dataDir);
    const keyFile = join(dataDir, DATA_KEY_FILE);
    const backup = join(tempDir('backup-'), DATA_KEY_FILE);
    copyFileSync(keyFile, backup);
    unlinkSync(keyFile);

    const errors: string[] = [];
    const lost = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-keys',
      log: (level, message) => level === 'error' && errors.push(message),
    });
    expect(lost.store.safeMode).toBe(true);
    expect(lost.store.status).toMatchObject({ mode: 'safe-readonly' });
    expect(errors.join()).toMatch(/data key file is missing[\s\S]*READ-ONLY SAFE MODE/);
    expect(existsSync(keyFile)).toBe(false);
    await expect(
      lost.store.send('submissions:lookup', { submissionId: 'sub-1' }),
    ).rejects.toMatchObject({ code: 'safe_mode' });
    await expect(lost.store.send('submissions:upsertMany', { items: [] })).rejects.toMatchObject({
      code: 'safe_mode',
    });
    await lost.store.close();

    // A key from another station is refused the same way.
    const other = tempDir('other-');
    await populatedStation(other);
    copyFileSync(join(other, DATA_KEY_FILE), keyFile);
    const swapped = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-keys',
      ...quiet,
    });
    expect(swapped.store.safeMode).toBe(true);
    expect(swapped.store.status).toMatchObject({ message: /does not belong/ });
    await swapped.store.close();

    // The right key restored: everything is back, nothing was lost.
    copyFileSync(backup, keyFile);
    const restored = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-keys',
      ...quiet,
    });
    expect(restored.store.safeMode).toBe(false);
    const found = await restored.store.send('submissions:lookup', { submissionId: 'sub-1' });
    expect(found.found && Array.from(found.templates?.data ?? [])).toEqual(Array(64).fill(7));
    await restored.store.close();
  }, 60_000);

  it('attack: key and database files readable by other users', async () => {
    // The attack: a data folder left world-readable (an old version, a restored backup), so
    // that any local user could copy the database and the key.
    const dataDir = tempDir('station-');
    await populatedStation(dataDir);
    chmodSync(dataDir, 0o755);
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
    const exportDir = join(dataDir, 'exports');
    mkdirSync(exportDir);

    const { store } = await openStationStore({
      dataDir,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-keys',
      ...quiet,
    });
    const admin = await store.send('operators:bootstrapAdmin', {
      username: 'admin',
      displayName: 'Admin',
      password: 'admin password 12',
    });
    expect(admin).toBeDefined();
    const session = await new SignInGate((method, args) => store.send(method, args)).signIn(
      'keys-test',
      'admin',
      'admin password 12',
      'session',
    );
    if (!session.ok) throw new Error('admin could not sign in');
    const exported = join(exportDir, 'audit.jsonl');
    await store.send('export:audit', {
      sessionToken: session.token,
      format: 'jsonl',
      path: exported,
    });
    // While the station runs: database, WAL, SHM, keys and the export are owner-only.
    expect(mode(dataDir)).toBe(0o700);
    for (const file of [
      DATABASE_FILE,
      `${DATABASE_FILE}-wal`,
      `${DATABASE_FILE}-shm`,
      DATA_KEY_FILE,
      AUDIT_KEY_FILE,
    ]) {
      expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
    }
    expect(mode(exported)).toBe(0o600);
    await store.close();

    // A brand-new station: the same, from the first file on.
    const fresh = join(tempDir('station-'), 'new');
    const opened = await openStationStore({
      dataDir: fresh,
      keyWrapper: createPlaintextKeyWrapper(),
      stationId: 'st-new',
      ...quiet,
    });
    expect(mode(fresh)).toBe(0o700);
    for (const file of readdirSync(fresh))
      expect([file, mode(join(fresh, file))]).toEqual([file, 0o600]);
    await opened.store.close();
  }, 60_000);
});
