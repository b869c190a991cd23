/// <reference lib="dom" />
// The Settings screens at 1366×768 and 1920×1080, English and Korean, against a real browser host
// process (face engine off): Korean screens show no English words, and axe-core finds nothing
// moderate or worse. Screenshots: test-output/e2e/settings-<size>-<lang>-<screen>.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN } from './support/console';
import { englishWords, SIZES } from './support/desk-checks';
import { saveScreenshot, SCREENSHOT_DIR } from './support/screenshots';
import { BOB, KIM, NAMES, useSettingsStation } from './support/settings-station';

const station = useSettingsStation('settings-screens');
const { accountsReady, axe, chooseLanguage, lang, row, settingsAs, signOut } = station;

describe('screens in both languages and sizes', () => {
  for (const size of SIZES) {
    for (const language of ['en', 'ko'] as const) {
      it(
        `${size.name} ${language}: no English on Korean screens, axe clean`,
        { timeout: 180_000 },
        async () => {
          const { page } = station;
          await accountsReady();
          await page.setViewportSize(size);
          const name = (screen: string) => `settings-${size.name}-${language}-${screen}`;
          const noEnglish = async (screen: string) => {
            if (language !== 'ko') return;
            // Identifiers in <code> (station id, usernames, runtimes) are data, not words.
            const codes = await page.locator('code').allTextContents();
            expect(
              await englishWords(page, [...NAMES, ...codes, 'English', 'ID Check']),
              screen,
            ).toEqual([]);
          };

          await settingsAs(ADMIN);
          await chooseLanguage(language);
          await axe(name('admin'));
          await noEnglish('admin');
          await saveScreenshot(page, name('admin'));
          // The page scrolls inside <main>: each section on its own picture as well.
          for (const section of [
            'policy',
            'central',
            'retention',
            'privacy',
            'operators',
            'diagnostics',
          ])
            await page.locator(`#${section}`).screenshot({
              path: join(SCREENSHOT_DIR, `${name(`admin-${section}`)}.png`),
            });

          await row(BOB.username).getByTestId('operator-revoke').click();
          await expect
            .poll(() => page.getByTestId('confirm-dialog').count(), { timeout: 15_000 })
            .toBe(1);
          await axe(name('confirm'));
          await noEnglish('confirm');
          await page.screenshot({
            path: join(import.meta.dirname, `../../test-output/e2e/${name('confirm')}.png`),
          });
          await page.keyboard.press('Escape');

          await settingsAs(KIM);
          await chooseLanguage(language);
          await axe(name('operator'));
          await noEnglish('operator');
          await saveScreenshot(page, name('operator'));
          await signOut();

          await settingsAs(ADMIN);
          await page.getByTestId('station-language-select').selectOption(language);
          if (!(await page.getByTestId('save-station-language').isDisabled()))
            await page.getByTestId('save-station-language').click();
          await expect
            .poll(() => page.getByTestId('save-station-language').isDisabled())
            .toBe(true);
          await signOut();
          await expect.poll(lang, { timeout: 15_000 }).toBe(language);
          await page.getByTestId('password').fill('wrong password 77');
          await page.getByTestId('username').fill(BOB.username);
          await page.getByTestId('sign-in-submit').click();
          await expect
            .poll(() => page.getByTestId('sign-in-error').count(), { timeout: 15_000 })
            .toBe(1);
          await axe(name('sign-in'));
          await noEnglish('sign-in');
          await saveScreenshot(page, name('sign-in'));
        },
      );
    }
  }
});
