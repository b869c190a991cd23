/// <reference lib="dom" />
// Issue 13 at the desk, in Chromium through the browser host with a fake camera made from a real
// photo of a masked person whom face-api's three detectors all miss: the live guidance says the
// face is covered (not "No face in view"), and with face cover required by the project policy the
// person is approved by the checks instead of being answered no_face; a bare face under the same
// policy gets Face_cover_fail.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { signInOrCreateAdmin, waitForEngine } from './support/console';
import { enrollDemo, verifyByKeyboard } from './support/desk';
import { saveScreenshot } from './support/screenshots';
import { openStationPage, type StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const MASKED = 'masks/with_mask/prefixed_with_mask097.jpg';
const BARE = 'verification/deepface/angelina_jolie/img1.jpg';

let host: RunningHost;
let stationPage: StationPage | undefined;

beforeAll(async () => {
  host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: tempDir('station-covered-'),
  });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && stationPage !== undefined) {
    await saveScreenshot(stationPage.page, 'covered-failed');
  }
});

/** The project policy both cases verify under: face cover 50, head cover and occlusion off.
 *  Each case sets it (a no-op when the other case already did), so either may run alone. */
async function requireFaceCover(page: Page): Promise<void> {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('policy-occluded').setChecked(false);
  await page.getByTestId('policy-face-cover').fill('50');
  await page.getByTestId('policy-head-cover').fill('0');
  if (await page.getByTestId('save-policy').isDisabled()) return;
  await page.getByTestId('save-policy').click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
}

async function failCodes(page: Page): Promise<string> {
  return (await page.getByTestId('fail-codes').count())
    ? ((await page.getByTestId('fail-codes').textContent()) ?? '')
    : '';
}

afterAll(async () => {
  await stationPage?.close();
  await host?.stop();
});

describe.skipIf(!facedataAvailable)('covered faces at the desk', { timeout: 240_000 }, () => {
  it('guides a masked person and approves them when the policy requires face cover', async () => {
    stationPage = await openStationPage(host.url, facedataPath(MASKED));
    const page = stationPage.page;
    await signInOrCreateAdmin(page);
    await waitForEngine(page);

    await page.getByTestId('tab-demo').click();
    await expect
      .poll(() => page.getByTestId('guidance').textContent(), { timeout: 30_000 })
      // This person faces the camera (about 20°): the mask, not the head's turn, is what to fix.
      .toMatch(/^Face covered/);
    await saveScreenshot(page, 'covered-1-guidance');
    // The operator enrolls anyway (the masked photo is this person's reference here); the shared
    // enrollDemo waits for 'Face OK', which a covered face never gets.
    await page.getByTestId('demo-name').fill('Masked Person');
    await page.getByTestId('demo-enroll').click();
    await expect
      .poll(() => page.getByTestId('demo-enrolled').textContent(), { timeout: 30_000 })
      .toMatch(/DEMO-/);
    const enrolled = (await page.getByTestId('demo-enrolled').textContent()) ?? '';
    const id = /(DEMO-[0-9A-F]+)/.exec(enrolled)?.[1];
    if (id === undefined) throw new Error('no DEMO id on screen');

    await requireFaceCover(page);

    await verifyByKeyboard(page, id);
    const codes = await failCodes(page);
    expect(codes).not.toContain('Face_cover_fail');
    expect(await page.getByTestId('verdict').textContent()).toBe('APPROVED');
    await expect.poll(() => page.getByTestId('gauge-face_cover_score').count()).toBe(1);
    await saveScreenshot(page, 'covered-2-approved');
  });

  it('rejects a bare face with Face_cover_fail under the same policy', async () => {
    await stationPage?.close();
    stationPage = await openStationPage(host.url, facedataPath(BARE));
    const page = stationPage.page;
    await signInOrCreateAdmin(page);
    await waitForEngine(page);
    const id = await enrollDemo(page, 'Bare Person');
    await requireFaceCover(page);
    await verifyByKeyboard(page, id);
    expect(await page.getByTestId('verdict').textContent()).toBe('REJECTED');
    const codes = await failCodes(page);
    expect(codes).toContain('Face_cover_fail');
    expect(codes).not.toContain('face_compare_underscore');
    await saveScreenshot(page, 'covered-3-bare-rejected');
  });
});

if (!facedataAvailable) console.warn(`covered-faces e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
