// Attacks on Settings saved by section, against a real browser host, a real SQLite store and the
// real WebSocket bridge: an operator reading the engine's technical diagnostics (file paths,
// providers), an operator changing the station's default language or settings by slipping them
// into a "language only" save, and retention past 3 years sent as a partial section.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { ADMIN, startSecurityStation, type SecurityStation } from '../support/security/station';
import { call } from '../support/ws-client';

let station: SecurityStation;
let admin: WebSocket;
let desk: WebSocket;
const DESK = {
  username: 'dora',
  displayName: 'Dora',
  role: 'operator',
  password: 'dora password 1',
} as const;

beforeAll(async () => {
  station = await startSecurityStation('settings');
  await station.createAccounts([DESK]);
  admin = await station.signedIn(ADMIN);
  desk = await station.signedIn(DESK);
});
afterAll(async () => station?.close());

function storedSettings(): Record<string, unknown> {
  const db = new Database(station.dbPath, { readonly: true });
  try {
    const rows = db.prepare('SELECT key, value_json FROM settings').all() as {
      key: string;
      value_json: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json)]));
  } finally {
    db.close();
  }
}

describe('settings by section', () => {
  it('attack: operator reads engine diagnostics', async () => {
    expect(await call(desk, 'engine:diagnostics', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(admin, 'engine:diagnostics', {})).toMatchObject({ ok: true });
  });

  it('attack: operator changes station settings inside a language save', async () => {
    const before = storedSettings();
    for (const update of [
      { language: 'ko', stationLanguage: 'ko' },
      { language: 'ko', stationName: 'Mine' },
      { language: 'ko', retention: { capturedImageDays: 1000 } },
      { stationLanguage: 'ko' },
    ]) {
      expect(await call(desk, 'settings:update', update)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(storedSettings()).toEqual(before);
    expect(await call(admin, 'settings:get', {})).toMatchObject({
      value: { language: 'en', stationLanguage: 'en', stationName: 'FaceAuth Station' },
    });
  });

  it('attack: retention beyond 3 years in a partial section', async () => {
    for (const retention of [{ templateDays: 1096 }, { capturedImageDays: 3650 }]) {
      expect(await call(admin, 'settings:update', { retention })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    expect(storedSettings()['retention']).toBeUndefined();
  });
});
