// Attacks on decisions, against a real browser host, a real SQLite store and the real WebSocket
// bridge: a supervisor approving alone, a threshold under the floor, retention past 3 years.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { DEFAULT_POLICY } from '../../src-main/engine';
import {
  approve,
  creds,
  rejectedResult,
  SAM,
  startAccessStation,
  SUE,
} from '../support/security/access-station';
import type { SecurityStation } from '../support/security/station';
import { call } from '../support/ws-client';

let station: SecurityStation;
let ids: Record<string, string>;
let admin: WebSocket;

beforeAll(async () => {
  ({ station, ids, admin } = await startAccessStation('access-decisions'));
});

afterAll(async () => station?.close());

describe('decisions', () => {
  it('attack: self-approval by a supervisor', async () => {
    const desk = await station.signedIn(SAM);
    const captured = await rejectedResult(station, ids.sam ?? null);
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
    const suesCapture = await rejectedResult(station, ids.sue ?? null);
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
