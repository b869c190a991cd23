// The local ARGOS server as a real HTTP server on 127.0.0.1, exercised with plain fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArgosSimulator } from '../../src-main/argos-simulator/server';
import { FaceAuthErrorSchema, FaceAuthResultSchema } from '../../src-shared/faceauth/result';
import { syntheticJpeg } from '../support/images';

const FACE_KEY = 'face-key';
const ID_KEY = 'id-key';
let sim: ArgosSimulator;

beforeEach(async () => {
  sim = new ArgosSimulator({ faceAuthKey: FACE_KEY, idCheckKey: ID_KEY, slowMs: 400 });
  await sim.start();
});
afterEach(async () => sim.close());

const idGet = (path: string) => fetch(`${sim.url}${path}`, { headers: { 'x-api-key': ID_KEY } });
const faceGet = (path: string) =>
  fetch(`${sim.url}${path}`, { headers: { 'x-api-key': FACE_KEY } });

async function postFaceAuth(
  fields: Record<string, string | Uint8Array>,
  key = FACE_KEY,
  signal?: AbortSignal,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.set(name, value);
    else form.set(name, new Blob([Buffer.from(value)], { type: 'image/jpeg' }), 'face.jpg');
  }
  return fetch(`${sim.url}/v3/faceauth`, {
    method: 'POST',
    body: form,
    headers: { 'x-api-key': key },
    signal,
  });
}

describe('keys', () => {
  it('answers a missing key with required_field_missing and a wrong key with 403', async () => {
    const missing = await fetch(`${sim.url}/v3/submission?submission_id=x`);
    expect(missing.status).toBe(400);
    expect(FaceAuthErrorSchema.parse(await missing.json()).errorCode).toBe(
      'required_field_missing',
    );
    const wrong = await fetch(`${sim.url}/v3/faceauth?authId=x`, {
      headers: { 'x-api-key': ID_KEY },
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({
      errorCode: 'Invalid_projectId',
      traceId: expect.any(String),
    });
  });
});

describe('submissions', () => {
  it('pages a date window with nextpage_id/nextpage_date and lists each submission once', async () => {
    for (let index = 0; index < 120; index += 1) {
      sim.addSubmission({
        submission_id: `s${String(index).padStart(3, '0')}`,
        created_at: `2026-03-0${1 + (index % 3)}T10:00:00.000Z`,
      });
    }
    const seen: string[] = [];
    let next = '';
    for (let page = 0; page < 10; page += 1) {
      const response = await idGet(
        `/v3/submission?start_date=2026-03-01&end_date=2026-03-03&count=50${next}`,
      );
      const body = (await response.json()) as {
        items: { submission_id: string }[];
        nextpage?: { nextpage_id: string; nextpage_date: string };
      };
      seen.push(...body.items.map((item) => item.submission_id));
      if (!body.nextpage) break;
      next = `&nextpage_id=${body.nextpage.nextpage_id}&nextpage_date=${encodeURIComponent(body.nextpage.nextpage_date)}`;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it('looks a submission up by id and downloads its selfie', async () => {
    const selfie = await syntheticJpeg(100, 100);
    sim.addSubmission({ submission_id: 'sub-1', selfie, status: 'approved' });
    const lookup = (await (await idGet('/v3/submission?submission_id=sub-1')).json()) as {
      items: { kyc: { result: string } }[];
    };
    expect(lookup.items[0]!.kyc.result).toBe('approved');
    const image = await idGet('/v3/image?submission_id=sub-1&type=selfieImage');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(selfie);
    const unknown = await idGet('/v3/submission?submission_id=nope');
    expect(await unknown.json()).toMatchObject({ errorCode: 'Invalid_submissionId' });
  });
});

describe('POST /v3/faceauth', () => {
  beforeEach(() => {
    sim.addSubmission({ submission_id: 'ok' });
    sim.addSubmission({ submission_id: 'revoked', status: 'rejected' });
  });

  it('answers in the exact FaceAuth shape and lists the record with its custom fields', async () => {
    const response = await postFaceAuth({
      submissionId: 'ok',
      faceImage: await syntheticJpeg(),
      cf1: 'station-7',
      cf2: 'local-1',
    });
    expect(response.status).toBe(200);
    const result = FaceAuthResultSchema.parse(await response.json());
    const today = result.create_time.slice(0, 10);
    const listing = (await (
      await faceGet(`/v3/faceauth?startDate=${today}&endDate=${today}`)
    ).json()) as { items: Record<string, unknown>[] };
    expect(listing.items).toEqual([
      expect.objectContaining({
        auth_id: result.authentication_id,
        kyc_submission_id: 'ok',
        cf1: 'station-7',
        cf2: 'local-1',
        auth_status: result.auth_status,
      }),
    ]);
  });

  it('lists each record with the project policy of the moment (the dashboard may change it)', async () => {
    const strict = {
      faceSimilarity_threshold: 90,
      occluded_threshold: true,
      faceCover_threshold: 50,
      headCover_threshold: 0,
      liveness_threshold: 0,
    };
    sim.setPolicy(strict);
    const response = await postFaceAuth({ submissionId: 'ok', faceImage: await syntheticJpeg() });
    const result = FaceAuthResultSchema.parse(await response.json());
    const today = result.create_time.slice(0, 10);
    const listing = (await (
      await faceGet(`/v3/faceauth?startDate=${today}&endDate=${today}`)
    ).json()) as { items: Record<string, unknown>[] };
    expect(listing.items[0]).toMatchObject({ policy: strict });
  });

  it.each([
    [{ submissionId: 'ok' }, 'required_field_missing'],
    [
      { submissionId: 'missing', faceImage: new Uint8Array([0xff, 0xd8, 0xff, 1]) },
      'Invalid_submissionId',
    ],
    [
      { submissionId: 'revoked', faceImage: new Uint8Array([0xff, 0xd8, 0xff, 1]) },
      'invalid_submission_status',
    ],
    [
      { submissionId: 'ok', faceImage: new TextEncoder().encode('GIF89a not allowed') },
      'image_converting_error',
    ],
  ])('answers %j with %s', async (fields, code) => {
    const response = await postFaceAuth(fields as Record<string, string | Uint8Array>);
    expect(response.status).toBe(400);
    expect(FaceAuthErrorSchema.parse(await response.json()).errorCode).toBe(code);
    expect(sim.state.records).toHaveLength(0);
  });
});

describe('station events', () => {
  it('counts a retried batch once by its Idempotency-Key', async () => {
    const post = () =>
      fetch(`${sim.url}/v3/station-events`, {
        method: 'POST',
        headers: {
          'x-api-key': FACE_KEY,
          'Idempotency-Key': 'batch-0001',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ stationId: 'st-1', events: [{ type: 'override' }] }),
      });
    expect(await (await post()).json()).toEqual({ accepted: 1, duplicate: false });
    expect(await (await post()).json()).toEqual({ accepted: 1, duplicate: true });
    expect(sim.state.eventBatches.size).toBe(1);
  });
});

describe('rate limit and faults', () => {
  it('answers 429 with Retry-After when the bucket is empty', async () => {
    await sim.close();
    sim = new ArgosSimulator({
      faceAuthKey: FACE_KEY,
      idCheckKey: ID_KEY,
      rateLimit: { capacity: 2, refillPerSecond: 0.5 },
    });
    await sim.start();
    const statuses = [];
    for (let index = 0; index < 3; index += 1)
      statuses.push(await idGet('/v3/submission?submission_id=x'));
    expect(statuses.map((r) => r.status)).toEqual([400, 400, 429]);
    expect(Number(statuses[2]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('503 and reset-before-commit store nothing', async () => {
    sim.addSubmission({ submission_id: 'ok' });
    sim.setFaults({ unavailable: 1 });
    expect(
      (await postFaceAuth({ submissionId: 'ok', faceImage: await syntheticJpeg() })).status,
    ).toBe(503);
    sim.setFaults({ resetBeforeCommit: 1 });
    await expect(
      postFaceAuth({ submissionId: 'ok', faceImage: await syntheticJpeg() }),
    ).rejects.toThrow();
    expect(sim.state.records).toHaveLength(0);
  });

  it('commit-then-drop, slow and truncated answers lose the reply but keep the record', async () => {
    sim.addSubmission({ submission_id: 'ok' });
    sim.setFaults({ commitThenDrop: 1 });
    await expect(
      postFaceAuth({ submissionId: 'ok', faceImage: await syntheticJpeg() }),
    ).rejects.toThrow();
    sim.setFaults({ slow: 1 });
    await expect(
      postFaceAuth(
        { submissionId: 'ok', faceImage: await syntheticJpeg() },
        FACE_KEY,
        AbortSignal.timeout(100),
      ),
    ).rejects.toThrow();
    sim.setFaults({ truncated: 1 });
    const truncated = await postFaceAuth({ submissionId: 'ok', faceImage: await syntheticJpeg() });
    await expect(truncated.json()).rejects.toThrow();
    // The slow request still commits on the server after the client gave up: wait for that.
    await vi.waitFor(() => expect(sim.state.records).toHaveLength(3), { timeout: 5000 });
  });
});
