// The console's bridge methods against a real browser host (engine off: no models needed), a
// real SQLite store and a real WebSocket: sessions stay in main, roles hold, keys never come
// back, and the supervisor rule for overrides is enforced by main, not only by the UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { type BrowserHost } from '../../src-main/browser-host/browser-host';
import { silentLogger } from '../../src-main/host/logger';
import { DEFAULT_POLICY } from '../../src-main/engine';
import { call, openBridge } from '../support/ws-client';
import { startTestBrowserHost, type HostFixture } from '../support/browser-host-fixture';

let fixture: HostFixture;
let host: BrowserHost;
const ADMIN = { username: 'admin', displayName: 'Ada', password: 'admin password 1' };
const DESK = {
  username: 'desk1',
  displayName: 'Dana',
  role: 'operator',
  password: 'desk password 12',
};
const SUPER = {
  username: 'super1',
  displayName: 'Sam',
  role: 'supervisor',
  password: 'super password 12',
};
const FACEAUTH_KEY = 'faceauth-secret-key-1234';

beforeAll(async () => {
  fixture = await startTestBrowserHost(silentLogger, { stationId: 'station-console' });
  host = fixture.host;
});

afterAll(async () => fixture?.close());

async function connection(): Promise<WebSocket> {
  return openBridge(host.origin, host.token);
}

/** A stored result, as a verification would have written it. */
async function storedResult(status: 'approved' | 'rejected'): Promise<string> {
  const id = `01a2${Math.random().toString(16).slice(2, 10)}-0000-7000-8000-000000000000`;
  const base = {
    authentication_id: id,
    create_time: new Date().toISOString(),
    score: { face_similarity_score: status === 'approved' ? 96 : 40 },
  };
  await host.services.store.send('results:record', {
    submissionId: 'SUB-1',
    result:
      status === 'approved'
        ? { ...base, auth_status: 'approved' }
        : {
            ...base,
            auth_status: 'rejected',
            fail_code: ['face_compare_underscore'],
            rejected_comment: ['Face compare similarity score is lower than the threshold'],
          },
    modelVersion: 'test',
    policyVersion: 'test',
    operatorId: null,
  });
  return id;
}

describe('sessions', () => {
  it('asks for the first admin, creates it once, and keeps the token in main', async () => {
    const bridge = await connection();
    expect(await call(bridge, 'session:current', {})).toEqual({
      ok: true,
      value: { session: null, needsFirstAdmin: true, stationLanguage: 'en' },
    });
    const created = await call(bridge, 'session:createFirstAdmin', ADMIN);
    expect(created).toMatchObject({
      ok: true,
      value: { operator: { username: 'admin', role: 'admin' }, expiresAt: expect.any(String) },
    });
    expect(JSON.stringify(created)).not.toMatch(/token/i);
    expect(
      await call(bridge, 'session:createFirstAdmin', { ...ADMIN, username: 'second' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Another connection is a different desk: not signed in.
    const other = await connection();
    expect(await call(other, 'session:current', {})).toMatchObject({
      ok: true,
      value: { session: null, needsFirstAdmin: false },
    });
    expect(await call(other, 'results:search', { limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    for (const account of [DESK, SUPER])
      expect(await call(bridge, 'operators:create', account)).toMatchObject({ ok: true });
    bridge.close();
    other.close();
  });

  it('refuses a wrong password and locks the account after repeated failures', async () => {
    const bridge = await connection();
    expect(
      await call(bridge, 'session:signIn', { username: 'desk1', password: 'wrong' }),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const victim = {
      username: 'locked1',
      displayName: 'L',
      role: 'operator',
      password: 'locked password 1',
    };
    const admin = await connection();
    await call(admin, 'session:signIn', { username: ADMIN.username, password: ADMIN.password });
    await call(admin, 'operators:create', victim);
    // Each attempt from a fresh connection: one connection's own back-off would answer `busy`
    // before the account's lock-out is reached (sign-in-gate.ts).
    const attempt = async (password: string) => {
      const door = await connection();
      const answer = await call(door, 'session:signIn', { username: victim.username, password });
      door.close();
      return answer;
    };
    for (let failure = 0; failure < 5; failure += 1) await attempt('nope');
    // Locked: refused even with the right password, in words that do not say the account exists
    // (issue 11: the lock-out message was changed from a `forbidden` naming the lock's end).
    expect(await attempt(victim.password)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringContaining('locked') },
    });
    bridge.close();
    admin.close();
  });

  it('keeps operators out of admin methods', async () => {
    const desk = await connection();
    await call(desk, 'session:signIn', { username: DESK.username, password: DESK.password });
    expect(await call(desk, 'operators:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(desk, 'settings:update', { stationName: 'Mine' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(desk, 'settings:update', { language: 'ko' })).toMatchObject({
      ok: true,
      value: { language: 'ko' },
    });
    desk.close();
  });
});

describe('settings', () => {
  it('stores API keys encrypted and never returns them', async () => {
    const admin = await connection();
    await call(admin, 'session:signIn', { username: ADMIN.username, password: ADMIN.password });
    const saved = await call(admin, 'settings:update', {
      faceAuthKey: FACEAUTH_KEY,
      idCheckKey: 'idcheck-secret-key-9876',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        central: {
          faceAuthKey: { set: true, lastFour: '1234' },
          idCheckKey: { set: true, lastFour: '9876' },
        },
      },
    });
    expect(JSON.stringify(saved)).not.toContain(FACEAUTH_KEY);
    expect(JSON.stringify(await call(admin, 'settings:get', {}))).not.toContain(FACEAUTH_KEY);
    expect((await call(admin, 'settings:get', {})).value).toMatchObject({
      policy: DEFAULT_POLICY,
      stationId: 'station-console',
    });
    admin.close();
  });

  it('keeps the project policy: an admin changes it (audited), an operator cannot', async () => {
    const strict = {
      ...DEFAULT_POLICY,
      occluded_threshold: true,
      faceCover_threshold: 50,
      headCover_threshold: 60,
    };
    const desk = await connection();
    await call(desk, 'session:signIn', { username: DESK.username, password: DESK.password });
    expect(await call(desk, 'settings:update', { policy: strict })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const admin = await connection();
    await call(admin, 'session:signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(
      await call(admin, 'settings:update', { policy: { ...strict, faceCover_threshold: 101 } }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const before = await host.services.store.send('audit:head', {});
    expect(await call(admin, 'settings:update', { policy: strict })).toMatchObject({
      ok: true,
      value: { policy: strict },
    });
    const after = await host.services.store.send('audit:head', {});
    expect(after.head?.seq).toBe((before.head?.seq ?? 0) + 1);
    expect((await call(desk, 'settings:get', {})).value).toMatchObject({ policy: strict });
    await call(admin, 'settings:update', { policy: DEFAULT_POLICY });
    desk.close();
    admin.close();
  });
});

describe('overrides', () => {
  it('lets an operator reject an approval but not approve a rejection alone', async () => {
    const desk = await connection();
    await call(desk, 'session:signIn', { username: DESK.username, password: DESK.password });
    const approved = await storedResult('approved');
    const rejectIt = await call(desk, 'results:override', {
      authenticationId: approved,
      decision: 'rejected',
      reasonCode: 'suspected_impostor',
      reasonText: 'Different person',
    });
    expect(rejectIt).toMatchObject({
      ok: true,
      value: {
        finalStatus: 'rejected',
        overrides: [
          {
            decision: 'rejected',
            reasonCode: 'suspected_impostor',
            reasonText: expect.stringContaining('Different person'),
          },
        ],
      },
    });

    const rejected = await storedResult('rejected');
    const alone = await call(desk, 'results:override', {
      authenticationId: rejected,
      decision: 'approved',
      reasonCode: 'identity_confirmed_by_document',
      reasonText: 'Passport',
    });
    expect(alone).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const withDesk = await call(desk, 'results:override', {
      authenticationId: rejected,
      decision: 'approved',
      reasonCode: 'identity_confirmed_by_document',
      reasonText: 'Passport',
      supervisor: { username: DESK.username, password: DESK.password },
    });
    expect(withDesk).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const withSupervisor = await call(desk, 'results:override', {
      authenticationId: rejected,
      decision: 'approved',
      reasonCode: 'identity_confirmed_by_document',
      reasonText: 'Passport',
      supervisor: { username: SUPER.username, password: SUPER.password },
    });
    expect(withSupervisor).toMatchObject({
      ok: true,
      value: {
        finalStatus: 'approved',
        result: { auth_status: 'rejected' },
        // The approving supervisor is named, not only the desk operator's session.
        overrides: [{ decision: 'approved', byOperatorName: SUPER.displayName }],
      },
    });
    // Every override explains itself: empty details are refused and nothing is recorded.
    const unexplained = await storedResult('rejected');
    expect(
      await call(desk, 'results:override', {
        authenticationId: unexplained,
        decision: 'approved',
        reasonCode: 'identity_confirmed_by_document',
        reasonText: '   ',
        supervisor: { username: SUPER.username, password: SUPER.password },
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(desk, 'results:detail', { authenticationId: unexplained })).toMatchObject({
      ok: true,
      value: { result: { overrides: [] } },
    });

    // History filters on the decision that stands, and the CSV export is for supervisors.
    const approvedRows = await call(desk, 'results:search', { status: 'approved', limit: 50 });
    expect(
      (approvedRows.value as { rows: { authenticationId: string }[] }).rows.map(
        (row) => row.authenticationId,
      ),
    ).toEqual([rejected]);
    expect(await call(desk, 'results:exportCsv', { limit: 50 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    desk.close();
  });

  it('exports the filtered history as CSV for a supervisor', async () => {
    const supervisor = await connection();
    await call(supervisor, 'session:signIn', {
      username: SUPER.username,
      password: SUPER.password,
    });
    const exported = await call(supervisor, 'results:exportCsv', { limit: 50 });
    const csv = (exported.value as { csv: string; rows: number }).csv;
    // Every cell is quoted, the header row too (issue 11, CSV injection).
    expect(csv.split('\r\n')[0]).toBe(
      '"authentication_id","submission_id","recorded_at","operator_id","station_verdict","face_similarity_score","fail_codes","final_status","override_reason","override_by","central_verdict","disagreement","synced","operator_name","error_code"',
    );
    expect((exported.value as { rows: number }).rows).toBeGreaterThanOrEqual(2);
    // The supervisor who approved the override is named in the export.
    expect(csv).toContain(`,"${SUPER.displayName}",`);
    supervisor.close();
  });
});

describe('central disagreements', () => {
  it('lists a result the central API decided differently until a supervisor reviews it', async () => {
    const approved = await storedResult('approved');
    await host.services.store.send('sync:recordDeliveries', {
      deliveries: [
        {
          authenticationId: approved,
          verdict: {
            source: 'post',
            authentication_id: 'central-1',
            auth_status: 'rejected',
            create_time: new Date().toISOString(),
            face_similarity_score: 61.5,
            fail_code: ['face_compare_underscore'],
          },
        },
      ],
    });
    const desk = await connection();
    await call(desk, 'session:signIn', { username: DESK.username, password: DESK.password });
    expect(await call(desk, 'results:disagreements', { limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const supervisor = await connection();
    await call(supervisor, 'session:signIn', {
      username: SUPER.username,
      password: SUPER.password,
    });
    const open = await call(supervisor, 'results:disagreements', { limit: 10 });
    expect(open).toMatchObject({
      ok: true,
      value: {
        rows: [
          {
            authenticationId: approved,
            disagreement: true,
            central: { authStatus: 'rejected', faceSimilarityScore: 61.5 },
          },
        ],
      },
    });
    expect(
      await call(supervisor, 'results:reviewDisagreement', { authenticationId: approved }),
    ).toEqual({ ok: true, value: { reviewed: true } });
    expect(await call(supervisor, 'results:disagreements', { limit: 10 })).toEqual({
      ok: true,
      value: { rows: [] },
    });
    desk.close();
    supervisor.close();
  });
});
