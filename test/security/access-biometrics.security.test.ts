// Attacks on biometric data, against a real browser host, a real SQLite store and the real
// WebSocket bridge: biometric views that leave no trace, an erasure that leaves bytes, and
// verification against a cache too old to know about revocations.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { auditSince } from '../support/security/audit-files';
import {
  auditHead,
  cacheSubmission,
  OLGA,
  rejectedResult,
  SAM,
  startAccessStation,
} from '../support/security/access-station';
import { ADMIN, type SecurityStation } from '../support/security/station';
import { filesContaining } from '../support/store/files';
import { call } from '../support/ws-client';

const DAY_MS = 86_400_000;
let station: SecurityStation;
let ids: Record<string, string>;
let admin: WebSocket;

beforeAll(async () => {
  ({ station, ids, admin } = await startAccessStation('access-biometrics'));
});

afterAll(async () => station?.close());

describe('biometric data', () => {
  it('attack: biometric access without an audit entry', async () => {
    const desk = await station.signedIn(OLGA);
    const image = randomBytes(300);
    const withImage = await rejectedResult(station, ids.olga ?? null, 'SUB-VIEW', image);
    await cacheSubmission(station, 'SUB-VIEW', Date.now(), {
      templates: randomBytes(64),
      thumbnail: randomBytes(200),
    });
    const before = await auditHead(station);
    const detail = await call(desk, 'results:detail', { authenticationId: withImage });
    expect(Buffer.from((detail.value as { capturedImage: Uint8Array }).capturedImage)).toEqual(
      image,
    );
    const check = await call(desk, 'submission:check', { submissionId: 'SUB-VIEW' });
    expect((check.value as { thumbnail: Uint8Array | null }).thumbnail).not.toBeNull();
    const sam = await station.signedIn(SAM);
    expect(
      await call(sam, 'results:exportCsv', { submissionId: 'SUB-VIEW', limit: 10 }),
    ).toMatchObject({
      ok: true,
    });
    const access = auditSince(station.dbPath, before).filter((entry) => entry.kind === 'access');
    expect(access.map((entry) => [entry.actor, JSON.parse(entry.payload).what])).toEqual([
      ['olga', 'captured_image'],
      ['olga', 'thumbnail'],
      ['sam', 'results_csv'],
    ]);
    expect(JSON.parse(access[0]?.payload ?? '{}')).toMatchObject({ authenticationId: withImage });
    expect(JSON.parse(access[2]?.payload ?? '{}')).toMatchObject({
      rows: 1,
      filter: { submissionId: 'SUB-VIEW' },
    });
  });

  it("attack: erased person's bytes left behind", async () => {
    const marker = Buffer.from('ERASE-ME-TEMPLATE-'.repeat(20));
    const thumbMarker = Buffer.from('ERASE-ME-THUMBNAIL-'.repeat(20));
    const imageMarker = Buffer.from('ERASE-ME-CAPTURED-'.repeat(30));
    await cacheSubmission(station, 'SUB-ERASE', Date.now(), {
      templates: marker,
      thumbnail: thumbMarker,
    });
    const results = [
      await rejectedResult(station, ids.olga ?? null, 'SUB-ERASE', imageMarker),
      await rejectedResult(station, ids.olga ?? null, 'SUB-ERASE', imageMarker),
    ];
    const db = new Database(station.dbPath, { readonly: true });
    const blobs = [
      db
        .prepare(`SELECT templates_enc AS b FROM submissions WHERE submission_id = 'SUB-ERASE'`)
        .get(),
      db
        .prepare(`SELECT thumbnail_enc AS b FROM submissions WHERE submission_id = 'SUB-ERASE'`)
        .get(),
      ...results.map((id) =>
        db
          .prepare(`SELECT captured_image_enc AS b FROM results WHERE authentication_id = ?`)
          .get(id),
      ),
    ].map((row) => Buffer.from((row as { b: Buffer }).b));
    db.close();
    // Every 16-byte window of each stored ciphertext: a partial leftover is caught too.
    const needles = blobs.flatMap((blob) =>
      Array.from({ length: Math.floor(blob.length / 16) }, (_, i) =>
        blob.subarray(i * 16, i * 16 + 16),
      ),
    );
    const leftovers = () => [
      ...new Set(needles.flatMap((needle) => filesContaining(station.dbPath, needle))),
    ];
    // The search sees the ciphertext before the erasure, or its silence would prove nothing.
    expect(leftovers().length).toBeGreaterThan(0);

    const desk = await station.signedIn(OLGA);
    expect(await call(desk, 'results:erasePerson', { submissionId: 'SUB-ERASE' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const before = await auditHead(station);
    expect(await call(admin, 'results:erasePerson', { submissionId: 'SUB-ERASE' })).toEqual({
      ok: true,
      value: { submission: true, images: 2 },
    });
    expect(leftovers()).toEqual([]);
    const check = await call(desk, 'submission:check', { submissionId: 'SUB-ERASE' });
    expect(check.value).toMatchObject({ thumbnail: null });
    const tombstone = auditSince(station.dbPath, before).find((entry) => entry.kind === 'erase');
    expect(tombstone).toMatchObject({ actor: ADMIN.username });
    expect(JSON.parse(tombstone?.payload ?? '{}')).toMatchObject({
      submissionId: 'SUB-ERASE',
      authenticationIds: results,
    });
  });

  it('attack: verification against a cache older than the maximum age', async () => {
    const desk = await station.signedIn(OLGA);
    const bio = { templates: randomBytes(64), thumbnail: randomBytes(100) };
    await cacheSubmission(station, 'SUB-STALE', Date.now() - 31 * DAY_MS, bio);
    await cacheSubmission(station, 'SUB-FRESH', Date.now() - 29 * DAY_MS, bio);
    expect(await call(desk, 'settings:cacheAge', {})).toEqual({
      ok: true,
      value: { maxCacheAgeDays: 30 },
    });
    const stale = await call(desk, 'submission:check', { submissionId: 'SUB-STALE' });
    expect(stale.value).toMatchObject({
      error: {
        errorCode: 'invalid_submission_status',
        message: expect.stringContaining('older than the maximum cache age'),
      },
    });
    expect(
      (await call(desk, 'submission:check', { submissionId: 'SUB-FRESH' })).value,
    ).toMatchObject({
      error: null,
    });
    // Only an admin changes the maximum; a shorter one makes the fresh entry too old as well.
    expect(await call(desk, 'settings:setCacheAge', { maxCacheAgeDays: 365 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(admin, 'settings:setCacheAge', { maxCacheAgeDays: 7 })).toEqual({
      ok: true,
      value: { maxCacheAgeDays: 7 },
    });
    expect(
      (await call(desk, 'submission:check', { submissionId: 'SUB-FRESH' })).value,
    ).toMatchObject({
      error: { errorCode: 'invalid_submission_status' },
    });
  });
});
