// Push against the local ARGOS simulator on 127.0.0.1 with a real store file: every result
// delivered once with cf1/cf2/cf3, the central verdict stored beside the local one, a
// disagreement flagged, a poison item parked, and overrides and the audit head sent as events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { StoreClient } from '../../../src-main/store/client';
import { SignInGate } from '../../../src-main/operators/sign-in-gate';
import { checkDelivery } from '../../../src-main/sync/delivery-audit';
import { SyncService } from '../../../src-main/sync/sync-service';
import type { SyncServiceOptions } from '../../../src-main/sync/sync-options';
import { allDeliveries, openStation, recordResults } from '../../../scripts/sync/station-fixtures';
import { centralRecords, SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';

const STATION = 'station-test-1';
let sim: ArgosSimulator;
let store: StoreClient;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-sync-'));
  sim = new ArgosSimulator({ ...SIM_KEYS, slowMs: 600 });
  await sim.start();
  for (const id of ['sub-a', 'sub-b']) sim.addSubmission({ submission_id: id });
  store = await openStation(dir, STATION);
});
afterEach(async () => {
  await store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

// Generous timeout so a loaded machine does not turn plain answers into unknown outcomes; the
// fault test passes a short one (below the simulator's slowMs) on purpose.
function service(overrides: Partial<SyncServiceOptions> = {}, timeoutMs = 5000): SyncService {
  return new SyncService({
    store,
    stationId: STATION,
    api: { baseUrl: sim.url, ...SIM_KEYS, timeoutMs },
    enroller: null,
    policy: TEST_POLICY,
    push: { graceMs: 0, concurrency: 4 },
    // No backoff: a retry is due at once, so drain() never waits for the wall clock to pass it.
    backoff: { baseMs: 0, capMs: 0 },
    ...overrides,
  });
}

/** Runs passes until the outbox is empty; returns how many results were found by reconciling. */
async function drain(sync: SyncService, rounds = 200): Promise<number> {
  let reconciled = 0;
  for (let round = 0; round < rounds; round += 1) {
    reconciled += (await sync.runOnce({ pull: false })).reconciledFound;
    const counts = await store.send('outbox:counts', {});
    if (counts.pending === 0) return reconciled;
  }
  return reconciled;
}

describe('push', () => {
  it('delivers each result once with cf1 = station, cf2 = local id, and stores the central verdict', async () => {
    const ids = await recordResults(store, 12, ['sub-a', 'sub-b']);
    const sync = service();
    await drain(sync);
    const local = await allDeliveries(store);
    expect(checkDelivery(local, centralRecords(sim), STATION)).toEqual({
      results: 12,
      central_records: 12,
      duplicates: 0,
      missing: 0,
      mismatched: 0,
      pending: 0,
    });
    const first = sim.state.records.find((r) => r.cf2 === ids[0]);
    expect(first).toMatchObject({ cf1: STATION, cf2: ids[0], cf3: null, submissionId: 'sub-a' });
    const stored = await store.send('results:get', { authenticationId: ids[0] as string });
    expect(stored?.centralVerdict).toMatchObject({
      source: 'post',
      authentication_id: first?.result.authentication_id,
      auth_status: first?.result.auth_status,
    });
    // The simulator decides from the image bytes, so some verdicts differ from the local ones.
    const disagreeing = local.filter(
      (r) => (r.centralVerdict as { auth_status: string }).auth_status !== r.authStatus,
    ).length;
    expect((await store.send('sync:counts', {})).openDisagreements).toBe(disagreeing);
    expect(disagreeing).toBeGreaterThan(0);
  });

  it('lists disagreements for a supervisor, who marks them reviewed (audited)', async () => {
    await recordResults(store, 12, ['sub-a']);
    await drain(service());
    const open = await store.send('sync:disagreements', { limit: 50 });
    expect(open.length).toBeGreaterThan(0);
    const first = open[0] as (typeof open)[0];
    expect(first.local_status).not.toBe(first.central_status);
    const password = 'correct horse battery staple';
    await store.send('operators:bootstrapAdmin', { username: 'sup', displayName: 'Sup', password });
    // Sign-in runs scrypt in main between two store steps (operators/sign-in-gate.ts).
    const login = (await new SignInGate(store.send.bind(store)).signIn(
      'test',
      'sup',
      password,
      'session',
    )) as { token: string };
    const headBefore = (await store.send('audit:head', {})).head?.seq ?? 0;
    expect(
      await store.send('sync:reviewDisagreement', {
        sessionToken: login.token,
        authenticationId: first.authentication_id,
      }),
    ).toEqual({ reviewed: true });
    expect(await store.send('sync:disagreements', { limit: 50 })).toHaveLength(open.length - 1);
    expect((await store.send('audit:head', {})).head?.seq).toBe(headBefore + 1);
  });

  it('reconciles unknown outcomes instead of posting twice (commit then drop, slow replies)', async () => {
    await recordResults(store, 20, ['sub-a']);
    sim.setFaults({ commitThenDrop: 0.4, slow: 0.1, unavailable: 0.1, resetBeforeCommit: 0.1 });
    const sync = service({}, 300);
    const reconciled = (await drain(sync)) + (sim.setFaults({}), await drain(sync));
    // Lost replies were found centrally instead of being posted again.
    expect(reconciled).toBeGreaterThan(0);
    const check = checkDelivery(await allDeliveries(store), centralRecords(sim), STATION);
    expect(check).toMatchObject({
      results: 20,
      central_records: 20,
      duplicates: 0,
      missing: 0,
      pending: 0,
    });
    expect(check.mismatched).toBe(0);
  });

  it('reconciles unknown outcomes by submission and time when the listing does not echo cf fields', async () => {
    await sim.close();
    sim = new ArgosSimulator({ ...SIM_KEYS, slowMs: 600, echoCustomFields: false });
    await sim.start();
    for (const id of ['sub-a', 'sub-b']) sim.addSubmission({ submission_id: id });
    await recordResults(store, 24, ['sub-a', 'sub-b']);
    sim.setFaults({ commitThenDrop: 0.4, slow: 0.1, unavailable: 0.1, resetBeforeCommit: 0.1 });
    const sync = service({}, 300);
    const reconciled = (await drain(sync)) + (sim.setFaults({}), await drain(sync));
    expect(reconciled).toBeGreaterThan(0);
    const listing = await fetch(
      `${sim.url}/v3/faceauth?startDate=2000-01-01&endDate=2100-01-01&count=1`,
      { headers: { 'x-api-key': SIM_KEYS.faceAuthKey } },
    );
    expect(((await listing.json()) as { items: object[] }).items[0]).not.toHaveProperty('cf2');
    // Every result once, and each linked to its own central record (not another one's).
    expect(checkDelivery(await allDeliveries(store), centralRecords(sim), STATION)).toEqual({
      results: 24,
      central_records: 24,
      duplicates: 0,
      missing: 0,
      mismatched: 0,
      pending: 0,
    });
  });

  it('parks a permanently refused result with its reason and goes on with the rest', async () => {
    await recordResults(store, 3, ['sub-a']);
    sim.setStatus('sub-a', 'rejected');
    await recordResults(store, 2, ['sub-b']);
    const sync = service();
    await drain(sync);
    const counts = await store.send('outbox:counts', {});
    expect(counts.parked).toBe(3);
    const parked = await store.send('outbox:peek', { limit: 10, includeParked: true });
    expect(parked.filter((i) => i.parkedAt !== null).map((i) => i.parkReason)).toEqual(
      Array(3).fill(
        'HTTP 400 invalid_submission_status: The submission must be approved to process face authentication',
      ),
    );
    expect(sim.state.records).toHaveLength(2);
  });

  it('honours 429 Retry-After by pausing all traffic', async () => {
    await sim.close();
    sim = new ArgosSimulator({ ...SIM_KEYS, rateLimit: { capacity: 2, refillPerSecond: 1 } });
    await sim.start();
    // Five submissions: one result per submission may be in flight at once (one-open-attempt.ts),
    // so all five go in the first batch and the third answer is the 429.
    const submissions = ['sub-a', 'sub-b', 'sub-c', 'sub-d', 'sub-e'];
    for (const id of submissions) sim.addSubmission({ submission_id: id });
    await recordResults(store, 5, submissions);
    // The station's clock stands still: the pause is measured from it, not from the wall.
    const now = Date.UTC(2026, 10, 30, 12);
    const sync = service({ clock: () => now });
    const report = await sync.runOnce({ pull: false });
    expect(report.delivered).toBe(2);
    expect(sync.status().pausedUntil).toBeGreaterThanOrEqual(now + 500);
    expect(sync.status().reason).toBe('rate limited (429)');
    const before = sim.stats.requests;
    await sync.runOnce({ pull: false });
    expect(sim.stats.requests).toBe(before);
  });

  it('sends overrides made after delivery and the audit head as one idempotent batch each', async () => {
    const [id] = await recordResults(store, 1, ['sub-a']);
    const sync = service();
    await drain(sync);
    const admin = await store.send('operators:bootstrapAdmin', {
      username: 'admin',
      displayName: 'Admin',
      password: 'correct horse battery staple',
    });
    expect(admin).toBeTruthy();
    const session = await new SignInGate(store.send.bind(store)).signIn(
      'test',
      'admin',
      'correct horse battery staple',
      'session',
    );
    const token = (session as { token: string }).token;
    await store.send('results:override', {
      sessionToken: token,
      authenticationId: id as string,
      decision: 'rejected',
      reason: 'document mismatch',
    });
    await drain(sync);
    const events = [...sim.state.eventBatches.values()].flatMap((b) => b.events);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'override', authenticationId: id, decision: 'rejected' }),
    );
    const heads = events.filter((e) => (e as { type: string }).type === 'audit_head');
    expect(heads.length).toBeGreaterThan(0);
    const audit = await store.send('audit:head', {});
    expect(audit.synced?.seq).toBe(audit.head?.seq);
  });
});
