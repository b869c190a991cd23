// Error attempts through the real bridge: a browser host (engine off: the gate answers before any
// model runs), a real SQLite store and a real WebSocket. A verification of an unknown id comes
// back as Invalid_submissionId, lands in History's list (under "errors" and under "any", never
// under approved/rejected), in the CSV with its code, and never in the queue for POST /v3/faceauth.
// The desk's own check of an id (Enter/Check on Verify, recordAttempt) is listed the same way; the
// check a History card makes for its reference picture is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost } from '../../src-main/browser-host/browser-host';
import { silentLogger } from '../../src-main/host/logger';
import { call, openBridge } from '../support/ws-client';
import { startTestBrowserHost, type HostFixture } from '../support/browser-host-fixture';

let host: BrowserHost;
/** A station of its own for the checks, so that neither describe counts the other's attempts. */
let checkHost: BrowserHost;
const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'admin password 1' };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);

const fixtures: HostFixture[] = [];

async function startStation(stationId: string): Promise<BrowserHost> {
  const fixture = await startTestBrowserHost(silentLogger, { stationId });
  fixtures.push(fixture);
  return fixture.host;
}

beforeAll(async () => {
  [host, checkHost] = await Promise.all([
    startStation('station-errors'),
    startStation('station-checks'),
  ]);
});

afterAll(async () => {
  await Promise.all(fixtures.map((fixture) => fixture.close()));
});

interface Listing {
  rows: { submissionId: string }[];
  errors: { submissionId: string; errorCode: string; operatorName: string | null }[];
}

describe('error attempts in History', () => {
  it('lists a failed verification with its code and operator, in the CSV too, never queued', async () => {
    const bridge = await openBridge(host.origin, host.token);
    expect(await call(bridge, 'session:createFirstAdmin', ADMIN)).toMatchObject({ ok: true });
    const outcome = await call(bridge, 'verify:capture', {
      submissionId: 'KYC-Unknown-7',
      image: JPEG,
      mime: 'image/jpeg',
    });
    expect(outcome).toMatchObject({
      ok: true,
      value: { outcome: { errorCode: 'Invalid_submissionId' }, authenticationId: null },
    });

    const list = async (filter: Record<string, unknown>) =>
      (await call(bridge, 'results:search', { limit: 50, ...filter })).value as Listing;
    expect((await list({})).errors).toEqual([
      expect.objectContaining({
        submissionId: 'KYC-Unknown-7',
        errorCode: 'Invalid_submissionId',
        operatorName: ADMIN.displayName,
      }),
    ]);
    expect((await list({ status: 'error', submissionId: 'unknown' })).errors).toHaveLength(1);
    expect((await list({ status: 'error', submissionId: 'nobody' })).errors).toHaveLength(0);
    expect(await list({ status: 'approved' })).toEqual({ rows: [], errors: [] });
    expect(await list({ status: 'rejected' })).toEqual({ rows: [], errors: [] });
    // From/To are local calendar days: today finds it, yesterday does not.
    const today = new Date();
    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    expect((await list({ from: day(today), to: day(today) })).errors).toHaveLength(1);
    expect((await list({ from: day(yesterday), to: day(yesterday) })).errors).toHaveLength(0);

    const exported = await call(bridge, 'results:exportCsv', { limit: 50 });
    const csv = (exported.value as { csv: string; rows: number }).csv;
    expect(csv).toContain(`"KYC-Unknown-7"`);
    expect(csv).toMatch(/"error","","","","","","","","","Ada Admin","Invalid_submissionId"\r\n$/);

    // Nothing for POST /v3/faceauth: no result item waits in the queue.
    const queued = (await host.services.store.send('outbox:peek', {
      limit: 100,
      includeParked: true,
    })) as { kind: string }[];
    expect(queued.filter((item) => item.kind === 'result')).toEqual([]);
    bridge.close();
  });
});

describe('a submission check in History', () => {
  it('lists an unknown id the desk checked (Enter/Check on Verify), not a History card’s check', async () => {
    const bridge = await openBridge(checkHost.origin, checkHost.token);
    expect(await call(bridge, 'session:createFirstAdmin', ADMIN)).toMatchObject({ ok: true });
    const errorsFor = async (submissionId: string) =>
      (
        (await call(bridge, 'results:search', { limit: 50, status: 'error', submissionId }))
          .value as Listing
      ).errors;

    // The desk's check: refused, and listed as the operator's failed attempt.
    expect(
      await call(bridge, 'submission:check', { submissionId: 'KYC-Typo-1', recordAttempt: true }),
    ).toMatchObject({ ok: true, value: { error: { errorCode: 'Invalid_submissionId' } } });
    expect(await errorsFor('KYC-Typo-1')).toEqual([
      expect.objectContaining({
        submissionId: 'KYC-Typo-1',
        errorCode: 'Invalid_submissionId',
        operatorName: ADMIN.displayName,
      }),
    ]);

    // A History card's check (explicitly not recorded) and a check that says nothing (the
    // default) answer the same refusal and add nothing to History.
    for (const request of [
      { submissionId: 'KYC-Card-2', recordAttempt: false },
      { submissionId: 'KYC-Card-3' },
    ]) {
      expect(await call(bridge, 'submission:check', request)).toMatchObject({
        ok: true,
        value: { error: { errorCode: 'Invalid_submissionId' } },
      });
      expect(await errorsFor(request.submissionId)).toEqual([]);
    }
    expect(await errorsFor('KYC')).toHaveLength(1);

    // The flag is a boolean or nothing: anything else is refused before a handler runs.
    expect(
      await call(bridge, 'submission:check', { submissionId: 'KYC-Typo-4', recordAttempt: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await errorsFor('KYC-Typo-4')).toEqual([]);
    bridge.close();
  });
});
