/// <reference lib="dom" />
// The desk in Korean, in Chromium at 1366×768 and 1920×1080 with a fake camera: no English but
// FaceAuth codes and names on an approval, on a rejection (an impostor's camera), its override
// and its History card, and on every other screen; axe-core on each. Each test starts from a
// fresh page load and sign-in, so none depends on another having run.
import { describe, expect, it } from 'vitest';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { ADMIN } from './support/console';
import { englishWords, SIZES } from './support/desk-checks';
import { captureBySpace, checkId, freshDesk, openNewestHistoryCard } from './support/desk-session';
import { OPERATOR, OTHER, PERSON, PHOTOS, useDeskStation } from './support/desk-station';
import { saveScreenshot } from './support/screenshots';
import { openStationPage } from './support/station-page';

const station = useDeskStation('desk-korean');

describe.skipIf(!facedataAvailable)('the Korean desk', { timeout: 420_000 }, () => {
  it('a Korean desk shows no English but FaceAuth codes and names, on every screen', async () => {
    await station.ready();
    const { page, host } = station;
    // The sign-in screen speaks the station's default language (an operator's own language
    // starts only once they are known), so the admin makes it Korean for this test.
    await stationLanguage('ko');
    try {
      await koreanScreens();
    } finally {
      await stationLanguage('en');
    }
    // Back to English for the operator this test switched: the language is each operator's own
    // (Settings → Language), not the station's. Every test still picks its own in freshDesk.
    await freshDesk(page, host.url, SIZES[0], OPERATOR, 'en');
  });

  /** The station's default language (the sign-in screen's), set by the admin in Settings. */
  async function stationLanguage(language: 'en' | 'ko'): Promise<void> {
    const { page, host } = station;
    await freshDesk(page, host.url, SIZES[0], ADMIN);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('station-language-select').selectOption(language);
    await page.getByTestId('save-station-language').click();
    await expect
      .poll(() => page.getByTestId('save-station-language').isDisabled(), { timeout: 15_000 })
      .toBe(true);
  }

  async function koreanScreens(): Promise<void> {
    const { page, host, personId } = station;
    for (const size of SIZES) {
      await freshDesk(page, host.url, size, OPERATOR, 'ko');
      const names = [OPERATOR.displayName, OTHER.displayName, ADMIN.displayName, PERSON, personId];
      await page.getByTestId('tab-verify').click();
      expect(await englishWords(page, names), 'verify, empty').toEqual([]);
      await saveScreenshot(page, `desk-${size.name}-ko-1-empty`);
      await checkId(page, personId);
      await captureBySpace(page);
      expect(await page.getByTestId('verdict').textContent()).toBe('승인');
      expect(await englishWords(page, names), 'verify, verdict').toEqual([]);
      await station.axe(`verify-verdict-ko-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-ko-2-approved`);
      await page.getByTestId('override-button').click();
      await page.getByTestId('override-submit').click();
      expect(await englishWords(page, names), 'override dialog').toEqual([]);
      await station.axe(`override-dialog-ko-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-ko-9-override`);
      await page.keyboard.press('Escape');
      await openNewestHistoryCard(page);
      expect(await englishWords(page, names), 'history').toEqual([]);
      await station.axe(`history-ko-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-ko-3-history`);
      await page.getByTestId('tab-demo').click();
      await expect.poll(() => page.getByTestId('demo-list').count(), { timeout: 60_000 }).toBe(1);
      expect(await englishWords(page, names), 'demo').toEqual([]);
      await station.axe(`demo-ko-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-ko-4-demo`);
      await page.getByTestId('sign-out').click();
      await expect.poll(() => page.getByTestId('username').count(), { timeout: 60_000 }).toBe(1);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 })
        .toBe('ko');
      expect(await englishWords(page, names), 'sign-in').toEqual([]);
      await saveScreenshot(page, `desk-${size.name}-ko-5-sign-in`);
    }
  }

  it('a Korean rejection, its override and its History card show no English but codes and names', async () => {
    await station.ready();
    const { host, personId } = station;
    // A camera of its own that shows someone else: she claims the enrolled person's id.
    const impostor = await openStationPage(host.url, facedataPath(PHOTOS.impostor));
    const desk = impostor.page;
    try {
      const names = [OPERATOR.displayName, PERSON, personId];
      for (const size of SIZES) {
        await freshDesk(desk, host.url, size, OPERATOR, 'ko');
        await checkId(desk, personId);
        await captureBySpace(desk);
        expect(await desk.getByTestId('verdict').textContent()).toBe('거부');
        expect(await desk.getByTestId('fail-codes').textContent()).toContain(
          'face_compare_underscore',
        );
        expect(await englishWords(desk, names), 'verify, rejected').toEqual([]);
        await station.axe(`verify-rejected-ko-${size.name}`, desk);
        await saveScreenshot(desk, `desk-${size.name}-ko-10-rejected`);

        // Approving a rejection asks for a supervisor: those fields and their errors, in Korean.
        await desk.getByTestId('override-button').click();
        await desk.getByTestId('override-decision').selectOption('approved');
        await desk.getByTestId('override-submit').click();
        expect(await desk.getByTestId('supervisor-username').count()).toBe(1);
        expect(await englishWords(desk, names), 'override of a rejection').toEqual([]);
        await station.axe(`override-rejected-ko-${size.name}`, desk);
        await saveScreenshot(desk, `desk-${size.name}-ko-11-override-rejected`);
        await desk.keyboard.press('Escape');

        // The rejection's card: the newest result in History.
        await desk.getByTestId('tab-history').click();
        await expect
          .poll(() => desk.getByTestId('history-row').count(), { timeout: 60_000 })
          .toBeGreaterThan(0);
        await desk.getByTestId('history-row').first().click();
        await expect
          .poll(() => desk.getByTestId('history-detail').textContent(), { timeout: 60_000 })
          .toContain('face_compare_underscore');
        expect(await englishWords(desk, names), 'history, rejected').toEqual([]);
        await station.axe(`history-rejected-ko-${size.name}`, desk);
        await saveScreenshot(desk, `desk-${size.name}-ko-12-history-rejected`);
      }
      await freshDesk(desk, host.url, SIZES[0], OPERATOR, 'en');
    } finally {
      await impostor.close();
    }
  });
});

if (!facedataAvailable) console.warn(`desk-korean e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
