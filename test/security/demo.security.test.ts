// Attacks on the line between demo mode and real data: a station with real results that lost
// its configuration must not fall back to demo mode, and DEMO items must never reach a real
// central API, whatever was queued before a restart. Real station services (engine off), real
// store files, real HTTP servers on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src-main/host/logger';
import type { StationConfig } from '../../src-main/host/config';
import { createStationServices, type StationServices } from '../../src-main/host/services';
import { SignInGate } from '../../src-main/operators/sign-in-gate';
import { createPlaintextKeyWrapper } from '../../src-main/store/keys/plaintext-key-wrapper';
import { openStation, recordResults } from '../../scripts/sync/station-fixtures';
import { HostileServer, json } from '../support/sync/hostile-server';

const STATION = 'station-demo-attack';
let dir: string;
let services: StationServices | null = null;
let central: HostileServer | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-demo-attack-'));
});
afterEach(async () => {
  await services?.close();
  services = null;
  await central?.close();
  central = null;
  rmSync(dir, { recursive: true, force: true });
});

function config(overrides: Partial<StationConfig> = {}): StationConfig {
  return {
    centralBaseUrl: null,
    dataDir: dir,
    connectivityIntervalMs: 250,
    faceAuthKey: null,
    idCheckKey: null,
    stationId: STATION,
    demo: 'auto',
    ...overrides,
  };
}

async function start(overrides: Partial<StationConfig> = {}): Promise<StationServices> {
  services = await createStationServices({
    host: 'browser',
    version: 'test',
    config: config(overrides),
    logger: silentLogger,
    keyWrapper: createPlaintextKeyWrapper(),
    engine: 'off',
  });
  return services;
}

describe('demo mode and real data', () => {
  it('attack: demo fallback with real results queued', async () => {
    // A station with real results waiting for central; then its configuration is lost.
    const seeding = await openStation(dir, STATION);
    const ids = await recordResults(seeding, 3, ['SUB-REAL-1']);
    await seeding.close();

    const station = await start();
    expect(station.demo()).toBeNull();
    expect(station.endpoint()).toBeNull();
    expect(station.status.current().warnings.join(' ')).toMatch(/holds real data.*offline/);
    // start() returned after the link's first connect decided: no endpoint, so no sync service
    // exists to act later (none is ever created without one). The queue must be intact now.
    const queue = await station.store.send('outbox:peek', { limit: 100, includeParked: true });
    const results = queue.filter((item) => item.kind === 'result');
    expect(results.map((item) => item.ref).sort()).toEqual([...ids].sort());
    expect(queue.every((item) => item.parkedAt === null)).toBe(true);
    for (const id of ids) {
      expect((await station.store.send('results:get', { authenticationId: id }))?.syncedAt).toBe(
        null,
      );
    }
  });

  it('attack: DEMO override after restart', async () => {
    // Demo data queued in an earlier run: a DEMO result, a supervisor's override of it, and an
    // override event batch that was persisted (fixed key and bytes) but never answered.
    const seeding = await openStation(dir, STATION);
    const [demoId] = await recordResults(seeding, 1, ['DEMO-1A2B3C4D']);
    const password = 'correct horse battery staple';
    await seeding.send('operators:bootstrapAdmin', { username: 'sup', displayName: 'S', password });
    const signedIn = await new SignInGate((method, args) => seeding.send(method, args)).signIn(
      'demo-test',
      'sup',
      password,
      'session',
    );
    if (!signedIn.ok) throw new Error('supervisor could not sign in');
    const { token } = signedIn;
    await seeding.send('results:override', {
      sessionToken: token,
      authenticationId: demoId as string,
      // A rejection override needs no second person; what matters here is the override item.
      decision: 'rejected',
      reason: 'demo run: operator rejected after manual check',
    });
    const overrideItem = (await seeding.send('outbox:peek', { limit: 100 })).find(
      (item) => item.kind === 'override',
    );
    await seeding.send('sync:eventBatchCreate', {
      idempotencyKey: `${STATION}:demo-batch-before-restart`,
      outboxIds: [overrideItem?.outboxId as number],
      body: {
        stationId: STATION,
        events: [{ type: 'override', authenticationId: demoId, decision: 'approved' }],
      },
    });
    await seeding.close();

    // The restart: now configured for a real central API, which accepts whatever it gets.
    central = await HostileServer.start((req, res, url) => {
      if (url.pathname === '/v3/station-events') return json(res, 200, { accepted: 1 });
      if (req.method === 'POST')
        return json(res, 200, {
          authentication_id: 'central-1',
          auth_status: 'approved',
          create_time: new Date().toISOString(),
          score: { face_similarity_score: 99 },
        });
      json(res, 200, { items: [] });
    });
    const station = await start({
      centralBaseUrl: central.url,
      faceAuthKey: 'real-faceauth-key',
      idCheckKey: 'real-idcheck-key',
    });
    expect(station.demo()).toBeNull();
    // Wait for the effect: every non-audit item parked (the DEMO ones are never sent).
    await vi.waitFor(
      async () => {
        const queue = await station.store.send('outbox:peek', { limit: 100, includeParked: true });
        expect(queue.filter((i) => i.kind !== 'audit').every((i) => i.parkedAt !== null)).toBe(
          true,
        );
      },
      { timeout: 15_000, interval: 50 },
    );

    const leaked = central.seen.filter((r) => r.body.includes(demoId as string));
    expect(leaked).toEqual([]);
    expect(central.seen.filter((r) => r.body.includes('DEMO-'))).toEqual([]);
    const parked = await station.store.send('outbox:peek', { limit: 100, includeParked: true });
    for (const item of parked.filter((i) => i.kind !== 'audit'))
      expect(item.parkReason).toMatch(/Demo data is never sent to a real central API/);
  }, 30_000);
});
