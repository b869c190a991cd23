// Settings saved section by section over the real bridge (browser host, real SQLite file, real
// WebSocket): a save rewrites and audits only the keys whose value changed, partial sections
// keep the fields they did not send, and each operator has their own language while the
// sign-in screen follows the station's default.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_RETENTION_DAYS } from '../../../src-shared/contract/settings';
import { DATABASE_FILE } from '../../../src-main/store/station-store';
import {
  FIRST_ADMIN,
  startTestBrowserHost,
  type HostFixture,
} from '../../support/browser-host-fixture';
import { call, openBridge } from '../../support/ws-client';

let fixture: HostFixture;
const DESK = {
  username: 'desk1',
  displayName: 'Dana',
  role: 'operator',
  password: 'desk password 12',
};

beforeAll(async () => {
  fixture = await startTestBrowserHost();
  const admin = await signedIn(null);
  await call(admin, 'session:createFirstAdmin', FIRST_ADMIN);
  await call(admin, 'operators:create', DESK);
  admin.close();
});
afterAll(async () => fixture?.close());

async function signedIn(who: { username: string; password: string } | null): Promise<WebSocket> {
  const socket = await openBridge(fixture.host.origin, fixture.host.token);
  if (who !== null) {
    const { username, password } = who;
    expect(await call(socket, 'session:signIn', { username, password })).toMatchObject({
      ok: true,
    });
  }
  return socket;
}

interface Written {
  settings: Map<string, number>;
  audits: { key: string }[];
}

/** What the store file holds: each setting's last write time and the settings audit entries. */
function written(): Written {
  const db = new Database(join(fixture.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare('SELECT key, updated_at FROM settings').all() as {
      key: string;
      updated_at: number;
    }[];
    const audits = (
      db
        .prepare("SELECT payload_json FROM audit_log WHERE kind = 'settings' ORDER BY seq")
        .all() as {
        payload_json: string;
      }[]
    ).map((row) => JSON.parse(row.payload_json) as { key: string });
    return { settings: new Map(rows.map((row) => [row.key, row.updated_at])), audits };
  } finally {
    db.close();
  }
}

describe('settings saved by section', () => {
  it('a save of one retention field writes and audits only the retention key, once', async () => {
    const admin = await signedIn(FIRST_ADMIN);
    await call(admin, 'settings:update', { stationName: 'Front desk' });
    const before = written();
    const saved = await call(admin, 'settings:update', { retention: { templateDays: 60 } });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        stationName: 'Front desk',
        retention: { capturedImageDays: 30, purgeImageAfterSync: true, templateDays: 60 },
      },
    });
    const after = written();
    expect(after.audits.slice(before.audits.length).map((entry) => entry.key)).toEqual([
      'retention',
    ]);
    expect(after.settings.get('stationName')).toBe(before.settings.get('stationName'));
    // The same values again: nothing is rewritten, nothing audited.
    await call(admin, 'settings:update', {
      retention: { templateDays: 60 },
      stationName: 'Front desk',
    });
    await call(admin, 'settings:update', { policy: { faceSimilarity_threshold: 85 } });
    const unchanged = written();
    expect(unchanged.audits).toHaveLength(after.audits.length);
    expect(unchanged.settings).toEqual(after.settings);
    admin.close();
  });

  it('a partial policy keeps the thresholds it did not send', async () => {
    const admin = await signedIn(FIRST_ADMIN);
    const saved = await call(admin, 'settings:update', { policy: { faceCover_threshold: 40 } });
    expect(saved).toMatchObject({
      ok: true,
      value: { policy: { faceSimilarity_threshold: 85, faceCover_threshold: 40 } },
    });
    expect(written().audits.at(-1)).toMatchObject({ key: 'projectPolicy' });
    admin.close();
  });

  it('one retention limit on the bridge and in the store', async () => {
    const admin = await signedIn(FIRST_ADMIN);
    expect(
      await call(admin, 'settings:update', { retention: { templateDays: MAX_RETENTION_DAYS + 1 } }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(
      await call(admin, 'settings:update', { retention: { templateDays: MAX_RETENTION_DAYS } }),
    ).toMatchObject({ ok: true, value: { retention: { templateDays: MAX_RETENTION_DAYS } } });
    admin.close();
  });
});

describe('language per operator', () => {
  it('an operator changes only their own language; sign-in follows the station default', async () => {
    const admin = await signedIn(FIRST_ADMIN);
    const desk = await signedIn(DESK);
    const auditsBefore = written().audits.length;
    expect(await call(desk, 'settings:update', { language: 'ko' })).toMatchObject({
      ok: true,
      value: { language: 'ko', stationLanguage: 'en' },
    });
    expect(written().audits.slice(auditsBefore)).toEqual([
      expect.objectContaining({ key: 'operatorLanguage', after: 'ko' }),
    ]);
    expect(await call(admin, 'settings:get', {})).toMatchObject({
      ok: true,
      value: { language: 'en', stationLanguage: 'en' },
    });
    const signedOut = await signedIn(null);
    expect(await call(signedOut, 'session:current', {})).toMatchObject({
      ok: true,
      value: { session: null, stationLanguage: 'en' },
    });
    // An operator may not change the station's default; an admin may.
    expect(await call(desk, 'settings:update', { stationLanguage: 'ko' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await call(admin, 'settings:update', { stationLanguage: 'ko' });
    expect(await call(signedOut, 'session:current', {})).toMatchObject({
      value: { stationLanguage: 'ko' },
    });
    // The admin never chose a language: they follow the new default; desk1 keeps Korean.
    expect(await call(admin, 'settings:get', {})).toMatchObject({ value: { language: 'ko' } });
    await call(admin, 'settings:update', { language: 'en', stationLanguage: 'en' });
    expect(await call(admin, 'settings:get', {})).toMatchObject({ value: { language: 'en' } });
    expect(await call(desk, 'settings:get', {})).toMatchObject({ value: { language: 'ko' } });
    // Engine diagnostics (file paths, providers) are for admins only.
    expect(await call(desk, 'engine:diagnostics', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(admin, 'engine:diagnostics', {})).toMatchObject({ ok: true });
    for (const socket of [admin, desk, signedOut]) socket.close();
  });
});
