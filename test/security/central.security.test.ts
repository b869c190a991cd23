// Attacks by a hostile or broken central API (or whoever sits at its address) against the
// station's sync: real HTTP servers on 127.0.0.1, a real store file, the real SyncService. Each
// case passes only when the station blocked the attack.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BrowserHost } from '../../src-main/browser-host/browser-host';
import { loadStationConfig } from '../../src-main/host/config';
import { silentLogger } from '../../src-main/host/logger';
import type { StoreClient } from '../../src-main/store/client';
import { ArgosClient } from '../../src-main/sync/argos-client';
import { SyncService } from '../../src-main/sync/sync-service';
import type { Enroller } from '../../src-main/sync/enroller';
import { openStation, recordResults } from '../../scripts/sync/station-fixtures';
import { HostileServer, json } from '../support/sync/hostile-server';
import { SIM_KEYS, TEST_POLICY } from '../support/sync/simulator';
import { call, openBridge } from '../support/ws-client';
import { useTempDirs } from '../support/temp-dir';
import { startTestBrowserHost, type HostFixture } from '../support/browser-host-fixture';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const STATION = 'station-attacked';
let dir: string;
let store: StoreClient;
const servers: HostileServer[] = [];

beforeEach(async () => {
  dir = tempDir('faceauth-central-attack-');
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
    let ended = false;
    const chunk = Buffer.from(
      `${JSON.stringify({ submission_id: 'x'.repeat(1000), created_at: '2026-01-01', kyc: { result: 'approved' } })},`.repeat(
        1000,
      ),
    );
    const evil = await hostile((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        ended = true;
        res.end('{"submission_id":"last","created_at":"2026-01-01","kyc":{"result":"approved"}}]}');
      };
      pump();
      void req;
    });
    const service = sync(evil.url, refusingEnroller);
    await service.runOnce({ pull: true });
    expect(service.status().lastError).toMatch(/larger than 8388608 bytes/);
    expect(ended).toBe(false);
    // The station stopped reading near the cap, not at the end of the 64 MiB body.
    expect(sent).toBeLessThan(24 * 1024 * 1024);
  });

  it('attack: repeated page key', async () => {
    // Every listing page points to "the next page", which is always the same one.
    const evil = await hostile((_req, res, url) =>
      url.pathname === '/v3/faceauth'
        ? json(res, 200, { items: [], nextPage_key: { authId: 'again', createTime: 'again' } })
        : json(res, 200, {
            items: [],
            nextpage: { nextpage_id: 'again', nextpage_date: '2026-01-01' },
          }),
    );
    // A result whose earlier POST may have reached central: the next push reconciles first.
    const ids = await recordResults(store, 1, ['sub-a']);
    await store.send('sync:markAttempts', { authenticationIds: ids });
    const service = sync(evil.url, refusingEnroller);

    const report = await service.runOnce({ pull: false });
    expect(report.delivered).toBe(0);
    const listings = evil.seen.filter((r) => r.path === '/v3/faceauth' && r.method === 'GET');
    // Each reconciliation asks for the first page and follows the key once: seeing it again it
    // stops. (How many reconciliations one run makes depends on the backoff, not on the server.)
    const firstPages = listings.filter((r) => !r.query.has('nextKey_id'));
    const followed = listings.filter((r) => r.query.has('nextKey_id'));
    expect(firstPages.length).toBeGreaterThan(0);
    expect(followed.length).toBe(firstPages.length);
    // Without the lookup nothing may be re-posted (it could be a duplicate).
    expect(evil.seen.filter((r) => r.method === 'POST' && r.path === '/v3/faceauth')).toHaveLength(
      0,
    );

    await service.runOnce({ pull: true });
    expect(service.status().lastError).toMatch(/repeated a page key/);
    expect(evil.seen.filter((r) => r.path === '/v3/submission').length).toBeLessThan(10);
  }, 30_000);

  it('attack: wrong revalidation item', async () => {
    // Central revoked SUB-REVOKED; asked about it by id, the server answers about another,
    // approved submission, hoping the station keeps verifying the revoked one.
    await store.send('submissions:upsertMany', {
      items: [
        { submissionId: 'SUB-REVOKED', status: 'approved', policy: TEST_POLICY, templates: null },
      ],
    });
    const evil = await hostile((_req, res, url) =>
      url.searchParams.has('submission_id')
        ? json(res, 200, {
            items: [
              {
                submission_id: 'SUB-OTHER',
                created_at: '2026-01-01T00:00:00Z',
                kyc_result_at: null,
                kyc: { result: 'approved' },
              },
            ],
          })
        : json(res, 200, { items: [] }),
    );
    const service = sync(evil.url, refusingEnroller);
    await service.runOnce({ pull: true });

    expect(evil.seen.some((r) => r.query.get('submission_id') === 'SUB-REVOKED')).toBe(true);
    const cached = await store.send('submissions:lookup', { submissionId: 'SUB-REVOKED' });
    expect(cached).toMatchObject({ found: true, status: 'delete' });
  });
});

describe('the central address and its keys', () => {
  const ADMIN = { username: 'admin', displayName: 'Ada', password: 'admin password 1' };
  let fixture: HostFixture;
  let host: BrowserHost;

  beforeEach(async () => {
    // The station's configuration as loaded from an empty environment, on this test's folder.
    const config = loadStationConfig({}, join(dir, 'station'));
    fixture = await startTestBrowserHost(silentLogger, {
      dataDir: config.dataDir,
      config: { ...config, demo: 'off' },
    });
    host = fixture.host;
  });
  afterEach(async () => fixture.close());

  async function admin() {
    const bridge = await openBridge(host.origin, host.token);
    await call(bridge, 'session:createFirstAdmin', ADMIN);
    return bridge;
  }

  it('attack: http central URL', async () => {
    const bridge = await admin();
    for (const url of ['http://central.example.com', 'http://localhost:8080', 'ftp://x.example']) {
      const refused = await call(bridge, 'settings:update', { centralBaseUrl: url });
      expect(refused, url).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(JSON.stringify(refused), url).toContain(url.startsWith('ftp') ? 'central' : url);
    }
    expect(await call(bridge, 'settings:get', {})).toMatchObject({
      ok: true,
      value: { central: { baseUrl: null } },
    });
    bridge.close();
    // From the environment the station does not start at all, and says why.
    expect(() =>
      loadStationConfig({ FACEAUTH_CENTRAL_URL: 'http://central.example.com' }, dir),
    ).toThrow(/FACEAUTH_CENTRAL_URL refused.*https:\/\/.*http:\/\/central\.example\.com/);
    // And the client itself never sends a key to a plaintext remote host.
    expect(
      () => new ArgosClient({ baseUrl: 'http://10.0.0.8', faceAuthKey: 'k', idCheckKey: 'k' }),
    ).toThrow(/https/);
  });

  it('attack: key kept after origin change', async () => {
    const central = await hostile((_req, res) => json(res, 200, { items: [] }));
    const evil = await hostile((_req, res) => json(res, 200, { items: [] }));
    const bridge = await admin();
    expect(
      await call(bridge, 'settings:update', {
        centralBaseUrl: central.url,
        faceAuthKey: 'faceauth-secret-1111',
        idCheckKey: 'idcheck-secret-2222',
      }),
    ).toMatchObject({ ok: true, value: { central: { idCheckKey: { set: true } } } });
    // A hijacked admin session points the station at the attacker's host.
    const moved = await call(bridge, 'settings:update', { centralBaseUrl: evil.url });
    expect(moved).toMatchObject({
      ok: true,
      value: {
        central: {
          baseUrl: evil.url,
          faceAuthKey: { set: false },
          idCheckKey: { set: false },
        },
      },
    });
    // The station reconnects to the new host: it probes it (a request without a key)...
    await vi.waitFor(() => expect(host.services.endpoint()?.baseUrl).toBe(evil.url), 10_000);
    await vi.waitFor(() => expect(evil.seen.length).toBeGreaterThan(0), 10_000);
    // ...and an operator's "sync now" runs a pass at once with whatever keys it kept: the
    // chance a leaked key had to reach the new host, without waiting a fixed time for it.
    await call(bridge, 'sync:runNow', {});
    expect(evil.keyed()).toEqual([]);
    const stored = await host.services.store.send('central:read', {});
    expect(stored).toEqual({ baseUrl: evil.url, faceAuthKey: null, idCheckKey: null });
    bridge.close();
  }, 30_000);
});
