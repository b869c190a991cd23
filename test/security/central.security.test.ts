// Attacks by a hostile or broken central API (or whoever sits at its address) against the
// station's sync: real HTTP servers on 127.0.0.1, a real store file, the real SyncService. Each
// case passes only when the station blocked the attack.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreClient } from '../../src-main/store/client';
import { SyncService } from '../../src-main/sync/sync-service';
import type { Enroller } from '../../src-main/sync/enroller';
import { openStation, recordResults } from '../../scripts/sync/station-fixtures';
import { HostileServer, json } from '../support/sync/hostile-server';
import { SIM_KEYS, TEST_POLICY } from '../support/sync/simulator';

const STATION = 'station-attacked';
let dir: string;
let store: StoreClient;
const servers: HostileServer[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-central-attack-'));
  store = await openStation(dir, STATION);
});
afterEach(async () => {
  await store.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function hostile(handler: Parameters<typeof HostileServer.start>[0]) {
  const server = await HostileServer.start(handler);
  servers.push(server);
  return server;
}

/** Never enrolls anything: these attacks are about what the station accepts from central. */
const refusingEnroller: Enroller = {
  modelVersion: 'test-model',
  concurrency: 1,
  enroll: () => Promise.reject(new Error('no enrollment expected in this attack')),
  encode: () => {
    throw new Error('no enrollment expected in this attack');
  },
};

function sync(baseUrl: string, enroller: Enroller | null = null): SyncService {
  return new SyncService({
    store,
    stationId: STATION,
    api: { baseUrl, ...SIM_KEYS, timeoutMs: 5000 },
    enroller,
    policy: TEST_POLICY,
    push: { graceMs: 0, concurrency: 2 },
    pull: { revalidateEveryMs: 0 },
    backoff: { baseMs: 1, capMs: 5 },
  });
}

describe('a hostile central API', () => {
  it('attack: cross-origin redirect', async () => {
    // The attacker's server answers like ARGOS would, to be believed.
    const evil = await hostile((_req, res) =>
      json(res, 200, {
        authentication_id: 'evil-record',
        auth_status: 'approved',
        create_time: new Date().toISOString(),
        score: { face_similarity_score: 99 },
      }),
    );
    const central = await hostile((req, res) =>
      res.writeHead(302, { location: `${evil.url}${req.url ?? '/'}` }).end(),
    );
    const [id] = await recordResults(store, 1, ['sub-a']);
    const report = await sync(central.url).runOnce({ pull: false });

    expect(central.keyed().length).toBeGreaterThan(0);
    expect(evil.seen).toHaveLength(0);
    expect(report.delivered).toBe(0);
    const result = await store.send('results:get', { authenticationId: id as string });
    expect(result?.syncedAt).toBeNull();
    expect(result?.centralVerdict).toBeNull();
    // Not parked: the result stays queued for when central is fixed.
    expect((await store.send('outbox:counts', {})).parked).toBe(0);
    const items = await store.send('outbox:peek', { limit: 10 });
    const queued = items.find((item) => item.kind === 'result' && item.ref === id);
    expect(queued?.lastError).toMatch(/redirect refused: HTTP 302/);
  });

  it('attack: oversized body', async () => {
    // A listing page that never ends: 1 MiB chunks of valid items, as fast as the client reads.
    let sent = 0;
    let closedEarly = false;
    const chunk = Buffer.from(
      `${JSON.stringify({ submission_id: 'x'.repeat(1000), created_at: '2026-01-01', kyc: { result: 'approved' } })},`.repeat(
        1000,
      ),
    );
    const evil = await hostile((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
      res.on('close', () => (closedEarly = !res.writableFinished));
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('{"submission_id":"last","created_at":"2026-01-01","kyc":{"result":"approved"}}]}');
      };
      pump();
      void req;
    });
    const service = sync(evil.url, refusingEnroller);
    await service.runOnce({ pull: true });
    expect(service.status().lastError).toMatch(/larger than 8388608 bytes/);
    expect(closedEarly).toBe(true);
    // The station stopped reading near the cap, not at the end of the 64 MiB body.
    expect(sent).toBeLessThan(24 * 1024 * 1024);
  });
});
