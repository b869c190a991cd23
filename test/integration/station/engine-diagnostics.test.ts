// engine:diagnostics over the real bridge (browser host, real SQLite file, real WebSocket, engine
// off, so its state is 'absent'): the handler lives in station/ and reads the latencies that
// verification records, so a verification made at the desk shows in the admin's diagnostics.
// With the engine off, a verification of an unknown id is refused by the gate and still counts
// as one sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import {
  FIRST_ADMIN,
  startTestBrowserHost,
  type HostFixture,
} from '../../support/browser-host-fixture';
import { call, openBridge } from '../../support/ws-client';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
let fixture: HostFixture;
let admin: WebSocket;

beforeAll(async () => {
  fixture = await startTestBrowserHost();
  admin = await openBridge(fixture.host.origin, fixture.host.token);
  expect(await call(admin, 'session:createFirstAdmin', FIRST_ADMIN)).toMatchObject({ ok: true });
});
afterAll(async () => {
  admin?.close();
  await fixture?.close();
});

describe('engine:diagnostics', () => {
  it("reports the engine runtime's state and the desk's verification latencies", async () => {
    expect(await call(admin, 'engine:diagnostics', {})).toMatchObject({
      ok: true,
      value: { state: 'absent', backend: null, latency: { samples: 0, p50Ms: null } },
    });
    for (const submissionId of ['KYC-Unknown-1', 'KYC-Unknown-2']) {
      expect(
        await call(admin, 'verify:capture', { submissionId, image: JPEG, mime: 'image/jpeg' }),
      ).toMatchObject({ ok: true, value: { outcome: { errorCode: 'Invalid_submissionId' } } });
    }
    const answer = await call(admin, 'engine:diagnostics', {});
    expect(answer).toMatchObject({ ok: true, value: { state: 'absent', latency: { samples: 2 } } });
    const { latency } = (answer as { value: { latency: { p50Ms: number; p95Ms: number } } }).value;
    expect(latency.p50Ms).toBeGreaterThanOrEqual(0);
    expect(latency.p95Ms).toBeGreaterThanOrEqual(latency.p50Ms);
  });
});
