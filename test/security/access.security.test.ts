// Attacks on access to decisions and biometric data, against a real browser host, a real SQLite
// store and the real WebSocket bridge: a supervisor approving alone, a threshold under the floor,
// retention past 3 years, biometric views that leave no trace, an erasure that leaves bytes, and
// verification against a cache too old to know about revocations.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { DEFAULT_POLICY } from '../../src-main/engine';
import { ADMIN, startSecurityStation, type SecurityStation } from '../support/security/station';
import { POLICY_85 } from '../support/store/context';
import { filesContaining } from '../support/store/files';
import { call } from '../support/ws-client';
import { auditSince } from '../support/security/audit-files';

let station: SecurityStation;
let ids: Record<string, string>;
let admin: WebSocket;

const SAM = {
  username: 'sam',
  displayName: 'Sam',
  role: 'supervisor',
  password: 'sam password 12',
} as const;
const SUE = {
  username: 'sue',
  displayName: 'Sue',
  role: 'supervisor',
  password: 'sue password 12',
} as const;
const OLGA = {
  username: 'olga',
  displayName: 'Olga',
  role: 'operator',
  password: 'olga password 1',
} as const;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  station = await startSecurityStation('access');
  ids = await station.createAccounts([SAM, SUE, OLGA]);
  admin = await station.signedIn(ADMIN);
});

afterAll(async () => station?.close());

let serial = 0;
/** A rejected result as a verification by `operatorId` would have recorded it. */
async function rejectedResult(
  operatorId: string | null,
  submissionId = 'SUB-1',
  capturedImage: Uint8Array | null = null,
): Promise<string> {
  serial += 1;
  const id = `01a2${serial.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`;
  await station.host.services.store.send('results:record', {
    submissionId,
    result: {
      authentication_id: id,
      create_time: new Date().toISOString(),
      score: { face_similarity_score: 40 },
      auth_status: 'rejected',
      fail_code: ['face_compare_underscore'],
      rejected_comment: ['Face compare similarity score is lower than the threshold'],
    },
    modelVersion: 'test',
    policyVersion: 'test',
    operatorId,
    capturedImage,
  });
  return id;
}

async function cacheSubmission(
  submissionId: string,
  seenAt: number,
  biometrics: { templates: Uint8Array; thumbnail: Uint8Array },
): Promise<void> {
  await station.host.services.store.send('submissions:upsertMany', {
    items: [
      {
        submissionId,
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'test-model', data: biometrics.templates },
        thumbnail: biometrics.thumbnail,
        seenAt,
      },
    ],
  });
}

async function auditHead(): Promise<number> {
  return (await station.host.services.store.send('audit:head', {})).head?.seq ?? 0;
}

const approve = (
  authenticationId: string,
  supervisor?: { username: string; password: string },
) => ({
  authenticationId,
  decision: 'approved',
  reasonCode: 'identity_confirmed_by_document',
  reasonText: 'Passport checked',
  ...(supervisor ? { supervisor } : {}),
});
const creds = (a: { username: string; password: string }) => ({
  username: a.username,
  password: a.password,
});

describe('decisions', () => {
  it('attack: self-approval by a supervisor', async () => {
    const desk = await station.signedIn(SAM);
    const captured = await rejectedResult(ids.sam ?? null);
    // Alone, or with their own credentials typed as the "second" supervisor: refused.
    expect(await call(desk, 'results:override', approve(captured))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(desk, 'results:override', approve(captured, creds(SAM)))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The operator who captured it cannot approve it either, even as the second supervisor.
    const sueDesk = await station.signedIn(SUE);
    const suesCapture = await rejectedResult(ids.sue ?? null);
    expect(await call(desk, 'results:override', approve(suesCapture, creds(SUE)))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const unchanged = await call(desk, 'results:detail', { authenticationId: captured });
    expect(unchanged).toMatchObject({
      ok: true,
      value: { result: { finalStatus: 'rejected', overrides: [] } },
    });
    // A second, distinct supervisor who did not capture it may approve (and the desk stays signed in).
    expect(await call(desk, 'results:override', approve(captured, creds(SUE)))).toMatchObject({
      ok: true,
      value: { finalStatus: 'approved' },
    });
    expect(await call(sueDesk, 'results:search', { limit: 1 })).toMatchObject({ ok: true });
    expect(await call(desk, 'results:search', { limit: 1 })).toMatchObject({ ok: true });
  });

  it('attack: threshold below the floor', async () => {
    for (const threshold of [49, 10, 0]) {
      expect(
        await call(admin, 'settings:update', {
          policy: { ...DEFAULT_POLICY, faceSimilarity_threshold: threshold },
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: expect.stringContaining('50') },
      });
    }
    expect((await call(admin, 'settings:get', {})).value).toMatchObject({
      policy: { faceSimilarity_threshold: DEFAULT_POLICY.faceSimilarity_threshold },
    });
    expect(
      await call(admin, 'settings:update', {
        policy: { ...DEFAULT_POLICY, faceSimilarity_threshold: 50 },
      }),
    ).toMatchObject({ ok: true });
    await call(admin, 'settings:update', { policy: DEFAULT_POLICY });
  });

  it('attack: retention beyond 3 years', async () => {
    for (const retention of [
      { capturedImageDays: 1096, purgeImageAfterSync: true, templateDays: 90 },
      { capturedImageDays: 30, purgeImageAfterSync: true, templateDays: 3650 },
    ]) {
      expect(await call(admin, 'settings:update', { retention })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    expect((await call(admin, 'settings:get', {})).value).toMatchObject({
      retention: { capturedImageDays: 30, templateDays: 90 },
    });
  });
});

describe('biometric data', () => {
  it('attack: biometric access without an audit entry', async () => {
    const desk = await station.signedIn(OLGA);
    const image = randomBytes(300);
    const withImage = await rejectedResult(ids.olga ?? null, 'SUB-VIEW', image);
    await cacheSubmission('SUB-VIEW', Date.now(), {
      templates: randomBytes(64),
      thumbnail: randomBytes(200),
    });
    const before = await auditHead();
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
    await cacheSubmission('SUB-ERASE', Date.now(), { templates: marker, thumbnail: thumbMarker });
    const results = [
      await rejectedResult(ids.olga ?? null, 'SUB-ERASE', imageMarker),
      await rejectedResult(ids.olga ?? null, 'SUB-ERASE', imageMarker),
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
    const before = await auditHead();
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
    await cacheSubmission('SUB-STALE', Date.now() - 31 * DAY_MS, bio);
    await cacheSubmission('SUB-FRESH', Date.now() - 29 * DAY_MS, bio);
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
