/// <reference lib="dom" />
// A bad-network day: the station caches an approved submission from the central API, the
// central server goes down, the desk still verifies, and when the server returns the result
// syncs and the central verdict appears on screen. The central API is the local ARGOS
// simulator, a real HTTP server on 127.0.0.1 in this test process.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgosSimulator } from '../../src-main/argos-simulator/server';
import type { Verdict } from '../../src-main/argos-simulator/verdict';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { createFirstAdmin, waitForEngine } from './support/console';
import { saveScreenshot } from './support/screenshots';
import { openStationPage, type StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const KEYS = { faceAuthKey: 'central-face-key-1', idCheckKey: 'central-id-key-1' };
const SUBMISSION = 'SUB-CENTRAL-0001';

/** The central API decides on its own; here it approves, as ARGOS would for this person. */
const centralApproves: Verdict = async ({ now }) => ({
  authentication_id: `central-${now.getTime()}`,
  auth_status: 'approved',
  create_time: now.toISOString(),
  score: { face_similarity_score: 97.5 },
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let central: ArgosSimulator;
let host: RunningHost;
let station: StationPage | null = null;

beforeAll(async () => {
  if (!facedataAvailable) return;
  central = new ArgosSimulator({ ...KEYS, port: await freePort(), verdict: centralApproves });
  central.addSubmission({
    submission_id: SUBMISSION,
    selfie: new Uint8Array(
      readFileSync(facedataPath('verification/deepface/angelina_jolie/img1.jpg')),
    ),
  });
  await central.start();
  host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: tempDir('station-sync-'),
    FACEAUTH_CENTRAL_URL: central.url,
    FACEAUTH_FACEAUTH_KEY: KEYS.faceAuthKey,
    FACEAUTH_IDCHECK_KEY: KEYS.idCheckKey,
    FACEAUTH_CONNECTIVITY_INTERVAL_MS: '500',
  });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && station)
    await saveScreenshot(station.page, 'sync-failed');
});

afterAll(async () => {
  await station?.close();
  await host?.stop();
  await central?.close();
});

describe.skipIf(!facedataAvailable)(
  'offline verification and later sync',
  { timeout: 240_000 },
  () => {
    it('verifies while the central API is down and shows the central verdict once it returns', async () => {
      station = await openStationPage(
        host.url,
        facedataPath('verification/deepface/angelina_jolie/img2.jpg'),
      );
      const { page } = station;
      await createFirstAdmin(page);
      await waitForEngine(page);
      // The approved submission arrives through a pull from the central API, enrolled locally.
      await expect
        .poll(() => page.getByTestId('sync-cache').textContent(), { timeout: 90_000 })
        .toMatch(/Cached submissions: 1/);

      await central.close();
      await expect
        .poll(() => page.getByTestId('status-network').textContent(), { timeout: 20_000 })
        .toMatch(/Offline/);

      await page.getByTestId('submission-input').fill(SUBMISSION);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('submission-ready').count(), { timeout: 15_000 })
        .toBe(1);
      await page.getByTestId('capture-button').click();
      await expect
        .poll(() => page.getByTestId('verdict').textContent(), { timeout: 30_000 })
        .toBe('APPROVED');
      expect(await page.getByTestId('central-pending').count()).toBe(1);
      // The reference thumbnail came down with the pull, beside the live capture.
      expect(await page.getByTestId('reference-image').count()).toBe(1);
      expect(central.state.records).toHaveLength(0);
      await saveScreenshot(page, 'sync-1-offline-verified');

      await central.start();
      await expect
        .poll(() => page.getByTestId('central-verdict').textContent(), { timeout: 90_000 })
        .toBe('Central verdict: APPROVED');
      expect(await page.getByTestId('disagreement').count()).toBe(0);
      await expect.poll(() => page.getByTestId('status-network').textContent()).toMatch(/Online/);
      // Delivered exactly once, with the station id and the local authentication id.
      expect(central.state.records).toHaveLength(1);
      expect(central.state.records[0]).toMatchObject({
        submissionId: SUBMISSION,
        cf2: expect.any(String),
      });
      await saveScreenshot(page, 'sync-2-central-verdict');
    });
  },
);

if (!facedataAvailable) console.warn(`offline-sync e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
