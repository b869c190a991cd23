// Attacks on History's failed attempts through the real bridge (browser host with the engine off:
// the gate answers before any model runs), a real SQLite store and a real WebSocket: a typed id
// that a spreadsheet would run as a formula, LIKE wildcards that would list everyone's attempts,
// and a desk that is not signed in asking for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { type BrowserHost } from '../../src-main/browser-host/browser-host';
import { silentLogger } from '../../src-main/host/logger';
import { call, openBridge } from '../support/ws-client';
import { startTestBrowserHost, type HostFixture } from '../support/browser-host-fixture';

let fixture: HostFixture;
let host: BrowserHost;
let admin: WebSocket;
const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'admin password 1' };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
/** Allowed by the id's schema (letters, digits, . _ : -), and a formula to a spreadsheet. */
const FORMULA_ID = '-2-3-cmd:A0';

interface Listing {
  rows: unknown[];
  errors: { submissionId: string }[];
}

async function failedAttempt(submissionId: string): Promise<void> {
  const outcome = await call(admin, 'verify:capture', {
    submissionId,
    image: JPEG,
    mime: 'image/jpeg',
  });
  expect(outcome).toMatchObject({
    ok: true,
    value: { outcome: { errorCode: 'Invalid_submissionId' } },
  });
}

beforeAll(async () => {
  fixture = await startTestBrowserHost(silentLogger, { stationId: 'station-history-attacks' });
  host = fixture.host;
  admin = await openBridge(host.origin, host.token);
  expect(await call(admin, 'session:createFirstAdmin', ADMIN)).toMatchObject({ ok: true });
  for (const id of ['KYC-Alpha-1', 'KYC-Beta-2', FORMULA_ID]) await failedAttempt(id);
});

afterAll(async () => {
  admin?.close();
  await fixture?.close();
});

describe('history of failed attempts', () => {
  it('attack: failed-attempt id runs as a formula in the CSV', async () => {
    const exported = await call(admin, 'results:exportCsv', { status: 'error', limit: 50 });
    const csv = (exported.value as { csv: string }).csv;
    const cells = csv.split('\r\n').flatMap((line) => line.split(','));
    // The id is there, but prefixed so that a spreadsheet reads it as text.
    expect(cells).toContain(`"'${FORMULA_ID}"`);
    expect(cells.filter((cell) => /^"?[-=+@]/.test(cell))).toEqual([]);
  });

  it('attack: LIKE wildcards in the id filter list every attempt', async () => {
    for (const pattern of ['%', '_', 'KYC-%', '%-_-%']) {
      const listing = (await call(admin, 'results:search', { submissionId: pattern, limit: 50 }))
        .value as Listing;
      expect(listing.errors, pattern).toEqual([]);
    }
    const partial = (await call(admin, 'results:search', { submissionId: 'alpha', limit: 50 }))
      .value as Listing;
    expect(partial.errors.map((attempt) => attempt.submissionId)).toEqual(['KYC-Alpha-1']);
  });

  it('attack: a desk that is not signed in reads the failed attempts', async () => {
    const stranger = await openBridge(host.origin, host.token);
    for (const channel of ['results:search', 'results:exportCsv']) {
      const answer = await call(stranger, channel, { status: 'error', limit: 50 });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(JSON.stringify(answer)).not.toContain('KYC-');
    }
    stranger.close();
  });
});
