/// <reference lib="dom" />
// Issue 13 at the desk, in Chromium through the browser host with a fake camera made from a real
// photo of a masked person whom face-api's three detectors all miss: the live guidance says the
// face is covered (not "No face in view"), and with face cover required by the project policy the
// person is approved by the checks instead of being answered no_face. (A bare face with face cover
// required gets Face_cover_fail: attribute-checks.e2e.test.ts.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { createFirstAdmin, waitForEngine } from './support/console';
import { verifyByKeyboard } from './support/desk';
import { saveScreenshot } from './support/screenshots';
import { openStationPage, type StationPage } from './support/station-page';

const MASKED = 'masks/with_mask/prefixed_with_mask097.jpg';

let host: RunningHost;
let stationPage: StationPage | undefined;

beforeAll(async () => {
  host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'station-covered-')),
  });
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && stationPage !== undefined) {
    await saveScreenshot(stationPage.page, 'covered-failed');
  }
});

afterAll(async () => {
  await stationPage?.close();
  await host?.stop();
});

describe.skipIf(!facedataAvailable)('covered faces at the desk', { timeout: 240_000 }, () => {
  it('guides a masked person and approves them when the policy requires face cover', async () => {
    stationPage = await openStationPage(host.url, facedataPath(MASKED));
    const page = stationPage.page;
    await createFirstAdmin(page);
    await waitForEngine(page);

    await page.getByTestId('tab-demo').click();
    await expect
      .poll(() => page.getByTestId('guidance').textContent(), { timeout: 30_000 })
      .toMatch(/^Face covered|^Face turned away/);
    await saveScreenshot(page, 'covered-1-guidance');
    // The operator enrolls anyway (the masked photo is this person's reference here).
    await page.getByTestId('demo-name').fill('Masked Person');
    await page.getByTestId('demo-enroll').click();
    await expect
      .poll(() => page.getByTestId('demo-enrolled').textContent(), { timeout: 30_000 })
      .toMatch(/DEMO-/);
    const id = /(DEMO-[0-9A-F]+)/.exec(
      (await page.getByTestId('demo-enrolled').textContent()) ?? '',
    );
    if (id?.[1] === undefined) throw new Error('no DEMO id on screen');

    await page.getByTestId('tab-settings').click();
    await page.getByTestId('policy-occluded').setChecked(false);
    await page.getByTestId('policy-face-cover').fill('50');
    await page.getByTestId('policy-head-cover').fill('0');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');

    await verifyByKeyboard(page, id[1]);
    const codes = (await page.getByTestId('fail-codes').count())
      ? ((await page.getByTestId('fail-codes').textContent()) ?? '')
      : '';
    expect(codes).not.toContain('Face_cover_fail');
    expect(await page.getByTestId('verdict').textContent()).toBe('APPROVED');
    await expect.poll(() => page.getByTestId('gauge-face_cover_score').count()).toBe(1);
    await saveScreenshot(page, 'covered-2-approved');
  });
});

if (!facedataAvailable) console.warn(`covered-faces e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
