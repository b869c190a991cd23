// Pull against the local ARGOS simulator with a real store file and a stand-in enroller (the
// real engine is exercised by npm run bench:pull): date windows and pages, resume after a crash
// mid-page without redoing committed pages, and revoked or deleted submissions out of use at once.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { StoreClient } from '../../../src-main/store/client';
import { submissionGate } from '../../../src-main/store/submission-gate';
import type { Enroller } from '../../../src-main/sync/enroller';
import type { PullProgress } from '../../../src-main/sync/pull-progress';
import { SyncService } from '../../../src-main/sync/sync-service';
import { openStation, syntheticCapture } from '../../../scripts/sync/station-fixtures';
import { SIM_KEYS, TEST_POLICY } from '../../support/sync/simulator';

const STATION = 'station-pull';
const DAY = 86_400_000;
let sim: ArgosSimulator;
let store: StoreClient;
let dir: string;
/** The station's clock: pulls stamp what they saw with it; it moves only when a test says so. */
let stationTime: number;

/** Template = hash of the selfie; `failAfter` simulates the process dying mid-page. */
function fakeEnroller(failAfter = Infinity): Enroller & { calls: number } {
  const enroller = {
    calls: 0,
    modelVersion: 'fake-model-1',
    concurrency: 2,
    encode: (templates: unknown[]) => ({
      modelVersion: 'fake-model-1',
      data: new TextEncoder().encode(JSON.stringify(templates)),
    }),
    async enroll(image: Uint8Array) {
      enroller.calls += 1;
      if (enroller.calls > failAfter) throw new Error('simulated crash');
      return {
        ok: true as const,
        template: { sha: createHash('sha256').update(image).digest('hex') },
      };
    },
  };
  return enroller;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceauth-sync-pull-'));
  stationTime = Date.now();
  sim = new ArgosSimulator(SIM_KEYS);
  await sim.start();
  // 20 submissions spread over 10 days, two per day; one without a selfie.
  for (let i = 0; i < 20; i += 1) {
    const created = new Date(Date.now() - (10 - Math.floor(i / 2)) * DAY).toISOString();
    sim.addSubmission({
      submission_id: `sub-${String(i).padStart(2, '0')}`,
      created_at: created,
      kyc_result_at: created,
      selfie: i === 7 ? null : await syntheticCapture(i),
    });
  }
  sim.addSubmission({ submission_id: 'pending-1', status: 'submit' });
  store = await openStation(dir, STATION);
});
afterEach(async () => {
  await store.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(enroller: Enroller, progress: PullProgress[] = []): SyncService {
  const sync = new SyncService({
    store,
    stationId: STATION,
    api: { baseUrl: sim.url, ...SIM_KEYS, timeoutMs: 5000 },
    enroller,
    policy: TEST_POLICY,
    clock: () => stationTime,
    pull: {
      fromDate: new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10),
      windowDays: 3,
      pageSize: 5,
      revalidateEveryMs: 0,
    },
  });
  sync.on('pullProgress', (p) => progress.push(p));
  return sync;
}

async function gate(submissionId: string) {
  return submissionGate(await store.send('submissions:lookup', { submissionId }));
}

describe('pull', () => {
  it('caches every approved submission with its template and reports progress', async () => {
    const progress: PullProgress[] = [];
    const enroller = fakeEnroller();
    const report = await service(enroller, progress).runOnce();
    expect(report.pulled).toMatchObject({
      phase: 'done',
      listed: 21,
      enrolled: 19,
      enrollFailed: 1,
    });
    const lookup = await store.send('submissions:lookup', { submissionId: 'sub-03' });
    expect(lookup.found && lookup.templates !== null).toBe(true);
    if (lookup.found && lookup.templates !== null) {
      const [template] = JSON.parse(new TextDecoder().decode(lookup.templates.data)) as unknown[];
      const selfie = sim.state.submissions.get('sub-03')?.selfie as Uint8Array;
      expect(template).toEqual({ sha: createHash('sha256').update(selfie).digest('hex') });
    }
    expect(await gate('sub-03')).toBeNull();
    expect((await gate('sub-07'))?.errorCode).toBe('data_processing_error');
    expect((await gate('pending-1'))?.errorCode).toBe('invalid_submission_status');
    // Progress moves forward through the windows, with counts the UI can show.
    const fractions = progress.map((p) => p.fractionDone);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({
      phase: 'done',
      fractionDone: 1,
      estimatedRemainingMs: 0,
    });
    // An unchanged second run enrolls nothing again, but confirms the cache is current (so
    // retention, which purges templates not seen for a while, keeps them).
    // Stamped with the sync's clock, not the store's: a minute later is a minute later.
    const seenBefore = lookup.found ? lookup.lastSeenAt : 0;
    expect(seenBefore).toBe(stationTime);
    stationTime += 60_000;
    const again = await service(enroller).runOnce();
    expect(again.pulled).toMatchObject({ enrolled: 0, unchanged: 21 });
    expect(enroller.calls).toBe(19);
    const seenAfter = await store.send('submissions:lookup', { submissionId: 'sub-03' });
    expect(seenAfter.found && seenAfter.lastSeenAt).toBe(seenBefore + 60_000);
  });

  it('resumes after a crash at the first uncommitted page', async () => {
    const crashing = fakeEnroller(7);
    await expect(service(crashing).runOnce()).rejects.toThrow('simulated crash');
    const committed = (await store.send('sync:counts', {})).verifiable;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(19);
    const resumed = fakeEnroller();
    const report = await service(resumed).runOnce();
    expect(report.pulled?.phase).toBe('done');
    // Only what was not committed is enrolled again.
    expect(resumed.calls).toBe(19 - committed);
    expect((await store.send('sync:counts', {})).verifiable).toBe(19);
  });

  it('takes a revoked or deleted submission out of use on the next pull', async () => {
    const enroller = fakeEnroller();
    const sync = service(enroller);
    await sync.runOnce();
    expect(await gate('sub-04')).toBeNull();
    expect(await gate('sub-05')).toBeNull();
    sim.setStatus('sub-04', 'rejected');
    sim.state.submissions.delete('sub-05');
    const report = await sync.runOnce();
    expect(report.pulled?.removed).toBe(2);
    expect((await gate('sub-04'))?.errorCode).toBe('invalid_submission_status');
    expect((await gate('sub-05'))?.errorCode).toBe('Invalid_submissionId');
    const revoked = await store.send('submissions:lookup', { submissionId: 'sub-04' });
    expect(revoked.found && revoked.templates).toBeNull();
  });

  it('refuses a page whose seen-at time is not a time, and applies none of it', async () => {
    const page = {
      sweepId: 'sweep-bad',
      upserts: [],
      statusChanges: [],
      marks: [],
      unchanged: [],
      cursor: { name: 'bad-seen-at', value: { at: 1 } },
    };
    for (const seenAt of ['yesterday', Number.NaN, 1.5]) {
      await expect(
        store.send('sync:applyPulledPage', { ...page, seenAt: seenAt as number }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(await store.send('sync:cursorGet', { name: 'bad-seen-at' })).toBeNull();
  });
});
