// Overrides and central disagreements over the console bridge against a real browser host (engine
// off), a real SQLite store and a real WebSocket: the supervisor rule for overrides is enforced
// by main, not only by the UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK, SUPER, startConsoleStation, type ConsoleStation } from '../support/console-station';
import { call } from '../support/ws-client';

let station: ConsoleStation;
const connection = () => station.connection();
const storedResult = (status: 'approved' | 'rejected') => station.storedResult(status);

beforeAll(async () => {
  station = await startConsoleStation();
  await station.createAccounts();
});
afterAll(async () => station?.close());

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
    await station.host.services.store.send('sync:recordDeliveries', {
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
