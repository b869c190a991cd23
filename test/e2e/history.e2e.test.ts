/// <reference lib="dom" />
// History for people, in Chromium at 1366×768 and 1920×1080, English and Korean: a capture with
// no face in view is listed as a failed attempt (Status: Errors) with a plain card and its
// FaceAuth code; a synced result's card says retention deleted the captured photo instead of an
// empty box; From/To are typed and shown in the desk's language (never the browser's
// mm/dd/yyyy); a Korean History and a Korean no-face Verify show no English but codes and names.
// axe-core runs on every screen (merged into test-output/e2e/axe.json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { ADMIN, createFirstAdmin, waitForEngine } from './support/console';
import {
  englishWords,
  runAxe,
  SERIOUS_IMPACTS,
  SIZES,
  type AxeScreen,
} from './support/desk-checks';
import { mergeAxeScreens } from './support/axe-report';
import { captureBySpace, checkId, enrollDemoPatiently, freshDesk } from './support/desk-session';
import { saveScreenshot } from './support/screenshots';
import { openStationPage, type StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const PHOTOS = {
  enrol: 'verification/deepface/angelina_jolie/img1.jpg',
  noFace: 'negative/no_face/cap_product_val_391.jpg',
};
const PERSON = 'Angela Example';

let host: RunningHost;
let station: StationPage;
let page: Page;
let personId = '';
const axeScreens: AxeScreen[] = [];

async function axe(name: string): Promise<void> {
  const screen = await runAxe(page, name);
  axeScreens.push(screen);
  expect(
    screen.violations.filter((violation) => SERIOUS_IMPACTS.has(violation.impact ?? '')),
    name,
  ).toEqual([]);
}

beforeAll(async () => {
  if (!facedataAvailable) return;
  host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: tempDir('station-history-'),
  });
});

afterAll(async () => {
  await station?.close();
  await host?.stop();
  mergeAxeScreens(axeScreens);
});

/** Enrols one DEMO person and verifies her once (a synced result); then a no-face camera. */
let setUp: Promise<void> | null = null;
function ready(): Promise<void> {
  setUp ??= (async () => {
    const enrolling = await openStationPage(host.url, facedataPath(PHOTOS.enrol));
    try {
      await enrolling.page.setViewportSize({ width: 1366, height: 768 });
      await createFirstAdmin(enrolling.page);
      await expect
        .poll(() => enrolling.page.getByTestId('status-backend').textContent(), {
          timeout: 280_000,
        })
        .toMatch(/Engine: /);
      await waitForEngine(enrolling.page);
      personId = await enrollDemoPatiently(enrolling.page, PERSON);
      await checkId(enrolling.page, personId);
      await captureBySpace(enrolling.page);
      expect(await enrolling.page.getByTestId('verdict').textContent()).toBe('APPROVED');
    } finally {
      await enrolling.close();
    }
    station = await openStationPage(host.url, facedataPath(PHOTOS.noFace));
    page = station.page;
  })();
  return setUp;
}

/** Today as the language writes it in the date field. */
function today(language: 'en' | 'ko'): string {
  const now = new Date();
  const [y, m, d] = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) =>
    String(n).padStart(2, '0'),
  );
  return language === 'ko' ? `${y}. ${m}. ${d}.` : `${y}-${m}-${d}`;
}

async function noFaceCapture(): Promise<void> {
  await checkId(page, personId);
  await page.keyboard.press('Space');
  await expect
    .poll(() => page.getByTestId('error-code').textContent(), { timeout: 60_000 })
    .toBe('no_face');
}

async function openHistory(): Promise<void> {
  await page.getByTestId('tab-history').click();
  await expect
    .poll(() => page.getByTestId('history-error-row').count(), { timeout: 60_000 })
    .toBeGreaterThan(0);
}

describe.skipIf(!facedataAvailable)('history', { timeout: 420_000 }, () => {
  for (const size of SIZES) {
    it(`${size.name}, English: a no-face attempt is listed with a plain card; dates in the desk's format`, async () => {
      await ready();
      await freshDesk(page, host.url, size, ADMIN);
      await noFaceCapture();
      await axe(`verify-no-face-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-8-no-face`);

      await openHistory();
      // A synced result's captured photo was deleted by retention: the card says so.
      await page.getByTestId('history-row').first().click();
      await expect
        .poll(() => page.getByTestId('detail-captured-gone').textContent(), { timeout: 60_000 })
        .toMatch(/Deleted .* by the retention policy\./);

      await page.getByTestId('filter-status').selectOption('error');
      await page.getByTestId('filter-from').fill(today('en'));
      await page.getByTestId('filter-to').fill(today('en'));
      await page.getByTestId('history-search').click();
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(0);
      expect(await page.getByTestId('history-error-row').count()).toBeGreaterThan(0);
      await page.getByTestId('history-error-row').first().click();
      const card = page.getByTestId('history-error-detail');
      expect(await card.getByTestId('problem-code').textContent()).toBe('no_face');
      expect(await card.textContent()).toContain('No face was found in the picture.');
      expect(await card.getByTestId('error-detail-operator').textContent()).toContain(
        ADMIN.displayName,
      );
      await axe(`history-errors-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-9-history-errors`);

      // The browser's mm/dd/yyyy is refused in words; the page asks for the desk's format.
      await page.getByTestId('filter-from').fill('11/30/2026');
      await page.getByTestId('history-search').click();
      expect(await page.getByTestId('date-problem').textContent()).toContain(today('en'));
      expect(await page.getByTestId('filter-from').getAttribute('aria-invalid')).toBe('true');
    });
  }

  it('a Korean History and no-face desk: Korean dates, no English but codes and names', async () => {
    await ready();
    for (const size of SIZES) {
      await freshDesk(page, host.url, size, ADMIN, 'ko');
      const names = [ADMIN.displayName, PERSON, personId];
      await page.getByTestId('tab-verify').click();
      await noFaceCapture();
      expect(await englishWords(page, names), 'verify, no face').toEqual([]);
      await saveScreenshot(page, `desk-${size.name}-ko-6-no-face`);
      // An id the station does not know (DEMO-shaped, so the id itself is data, not a word).
      await page.keyboard.press('Escape');
      await page.getByTestId('submission-input').fill('DEMO-00000000');
      await page.getByTestId('submission-input').press('Enter');
      await expect
        .poll(() =>
          page.getByTestId('submission-refused').getByTestId('problem-code').textContent(),
        )
        .toBe('Invalid_submissionId');
      expect(await englishWords(page, names), 'verify, unknown id').toEqual([]);
      await axe(`verify-unknown-id-ko-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-ko-6b-unknown-id`);

      await openHistory();
      // The date field speaks Korean whatever the browser's locale: its hint is today, Korean style.
      expect(await page.getByTestId('filter-from').getAttribute('lang')).toBe('ko');
      expect(await page.getByTestId('filter-from-hint').textContent()).toBe(`예: ${today('ko')}`);
      expect(await page.getByTestId('filter-from').getAttribute('placeholder')).toBe(today('ko'));
      await page.getByTestId('filter-from').fill(today('ko'));
      await page.getByTestId('filter-to').fill(today('ko'));
      await page.getByTestId('history-search').click();
      await expect
        .poll(() => page.getByTestId('history-error-row').count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
      expect(await page.getByTestId('date-problem').count()).toBe(0);
      // The unknown id refused on Verify is itself a failed attempt, the newest one.
      await page.getByTestId('history-error-row').first().click();
      expect(
        await page.getByTestId('history-error-detail').getByTestId('problem-code').textContent(),
      ).toBe('Invalid_submissionId');
      expect(await page.getByTestId('history-error-detail').textContent()).toContain(
        'DEMO-00000000',
      );
      expect(await englishWords(page, names), 'history, unknown id').toEqual([]);
      await page.getByTestId('history-error-row').filter({ hasText: 'no_face' }).first().click();
      expect(
        await page.getByTestId('history-error-detail').getByTestId('problem-code').textContent(),
      ).toBe('no_face');
      expect(await englishWords(page, names), 'history, failed attempt').toEqual([]);
      await axe(`history-errors-ko-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-ko-7-history-errors`);

      await page.getByTestId('history-row').first().click();
      await expect
        .poll(() => page.getByTestId('detail-captured-gone').count(), { timeout: 60_000 })
        .toBe(1);
      expect(await englishWords(page, names), 'history, result').toEqual([]);
      await saveScreenshot(page, `desk-${size.name}-ko-8-history-result`);

      await page.getByTestId('filter-to').fill('2026/13/45');
      await page.getByTestId('history-search').click();
      expect(await page.getByTestId('date-problem').textContent()).toContain(today('ko'));
      expect(await englishWords(page, names), 'history, bad date').toEqual([]);
    }
    // Back to English for the admin this test switched: the language is each operator's own
    // (Settings → Language), not the station's. Every test still picks its own in freshDesk.
    await freshDesk(page, host.url, SIZES[0], ADMIN, 'en');
  });
});

if (!facedataAvailable) console.warn(`history e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
