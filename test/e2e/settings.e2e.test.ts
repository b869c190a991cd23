/// <reference lib="dom" />
// Settings, operator management and sign-in in Chromium at 1366×768 and 1920×1080, English and
// Korean, against a real browser host process (face engine off: no face is needed here) and its
// real SQLite file: a section saves only its own change (checked in the audit log), accounts are
// managed through confirmation dialogs, each operator keeps their own language while the
// sign-in screen follows the station's, Korean screens show no English words, and axe-core finds
// nothing moderate or worse. Screenshots: test-output/e2e/settings-<size>-<lang>-<screen>.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { launchChromium } from './support/chromium';
import { ADMIN, createFirstAdmin, signIn } from './support/console';
import {
  englishWords,
  runAxe,
  SERIOUS_IMPACTS,
  SIZES,
  type AxeScreen,
} from './support/desk-checks';
import { mergeAxeScreens } from './support/axe-report';
import { makeFakeCameraFile } from './support/fake-camera';
import { saveScreenshot, SCREENSHOT_DIR } from './support/screenshots';
import {
  chooseLanguageOn,
  confirmInDialog,
  createAccountOn,
  languageOf,
  openSettingsAs,
  operatorRow,
  settingsAuditKeys,
  signOutOf,
} from './support/settings-steps';
import type { StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const KIM = { username: 'kim', displayName: 'Kim Minji', password: 'kim password 123' };
const BOB = { username: 'bob', displayName: 'Bob Baker', password: 'bob password 1234' };
const LOCKY = { username: 'locky', displayName: 'Lee Lock', password: 'locky password 12' };
/** An admin who never chooses a language of their own: they see the station's default. */
const LIA = {
  username: 'lia',
  displayName: 'Lia Admin',
  password: 'lia password 1234',
  role: 'admin',
};
/** Made by the accounts test itself, whatever ran before it. */
const NIA = { username: 'nia', displayName: 'Nia New', password: 'nia password 1234' };
const NAMES = [ADMIN, KIM, BOB, LOCKY, LIA, NIA].flatMap((a) => [a.displayName, a.username]);

let host: RunningHost;
let station: StationPage;
let page: Page;
const dataDir = tempDir('station-settings-e2e-');
const axeScreens: AxeScreen[] = [];

async function axe(name: string): Promise<void> {
  const screen = await runAxe(page, name);
  axeScreens.push(screen);
  expect(
    screen.violations.filter((violation) => SERIOUS_IMPACTS.has(violation.impact ?? '')),
    name,
  ).toEqual([]);
}

const settingsAs = (account: { username: string; password: string }) =>
  openSettingsAs(page, host.url, account);
const signOut = () => signOutOf(page);
const lang = () => languageOf(page);
const chooseLanguage = (language: 'en' | 'ko') => chooseLanguageOn(page, language);
const settingsAudits = () => settingsAuditKeys(dataDir);
const row = (username: string) => operatorRow(page, username);
const confirmDialog = () => confirmInDialog(page);
const createAccount = (account: typeof KIM) => createAccountOn(page, account);

beforeAll(async () => {
  host = await startBrowserHostProcess({ FACEAUTH_DATA_DIR: dataDir, FACEAUTH_ENGINE: 'off' });
  const browser = await launchChromium(makeFakeCameraFile(null));
  page = await browser.newPage();
  await page.setViewportSize(SIZES[0]);
  station = { browser, page, close: () => browser.close() };
});

afterAll(async () => {
  mergeAxeScreens(axeScreens);
  await station?.close();
  await host?.stop();
});

/**
 * The first admin and the accounts the tests use, made by whichever test runs first: every test
 * calls accountsReady(), so none depends on another having run (expect.poll needs a test).
 */
let accounts: Promise<void> | null = null;
function accountsReady(): Promise<void> {
  accounts ??= (async () => {
    await page.goto(host.url);
    await createFirstAdmin(page);
    await page.getByTestId('tab-settings').click();
    for (const account of [KIM, BOB, LOCKY, LIA]) await createAccount(account);
  })().catch((error: unknown) => {
    accounts = null;
    throw error;
  });
  return accounts;
}

/** The station's default language (the sign-in screen's and LIA's), set by the admin. */
async function stationDefault(language: 'en' | 'ko'): Promise<void> {
  await settingsAs(ADMIN);
  await page.getByTestId('station-language-select').selectOption(language);
  if (!(await page.getByTestId('save-station-language').isDisabled()))
    await page.getByTestId('save-station-language').click();
  await expect
    .poll(() => page.getByTestId('save-station-language').isDisabled(), { timeout: 15_000 })
    .toBe(true);
  await signOut();
}

/** Settings as the admin, in English (a screens test may have left the admin in Korean). */
async function adminSettingsInEnglish(): Promise<void> {
  await settingsAs(ADMIN);
  await chooseLanguage('en');
}

describe('accounts', () => {
  it('creates the first admin and accounts, each rule shown before submitting', async () => {
    await accountsReady();
    await adminSettingsInEnglish();
    await createAccount(NIA);
    for (const account of [KIM, BOB, LOCKY, LIA, NIA])
      expect(await row(account.username).count(), account.username).toBe(1);
  });
});

describe('settings sections', () => {
  it('saves one section only, keeps it after a reload, leaves the others untouched', async () => {
    await accountsReady();
    await adminSettingsInEnglish();
    const before = settingsAudits();
    expect(await page.getByTestId('save-retention').isDisabled()).toBe(true);
    await page.getByTestId('retention-templates').fill('120');
    await expect
      .poll(() => page.getByTestId('save-retention').isDisabled(), { timeout: 15_000 })
      .toBe(false);
    expect(await page.getByTestId('save-station').isDisabled()).toBe(true);
    expect(await page.getByTestId('save-policy').isDisabled()).toBe(true);
    await page.getByTestId('save-retention').click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('Saved.');
    // Only the retention key is audited (the admin's own language, if switching it to English
    // above was still being saved, is the operator's setting, not this section's).
    expect(
      settingsAudits()
        .slice(before.length)
        .filter((key) => key !== 'language'),
    ).toEqual(['retention']);
    await settingsAs(ADMIN);
    expect(await page.getByTestId('retention-templates').inputValue()).toBe('120');
    expect(await page.getByTestId('retention-images').inputValue()).toBe('30');
    expect(await page.getByTestId('station-name').inputValue()).toBe('FaceAuth Station');
    expect(await page.getByTestId('policy-similarity').inputValue()).toBe('85');
    expect(await page.getByTestId('save-retention').isDisabled()).toBe(true);
  });
});

describe('operator management', () => {
  it('locks show local time; unlock, disable, enable, reset and role change ask first', async () => {
    await accountsReady();
    await adminSettingsInEnglish();
    // Lock the account: wrong passwords, each from a fresh connection (a page load).
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.goto('about:blank');
      await page.goto(host.url);
      await expect.poll(() => page.getByTestId('username').count(), { timeout: 15_000 }).toBe(1);
      await page.getByTestId('username').fill(LOCKY.username);
      await page.getByTestId('password').fill('wrong password 99');
      await page.getByTestId('sign-in-submit').click();
      await expect
        .poll(() => page.getByTestId('sign-in-error').count(), { timeout: 15_000 })
        .toBe(1);
    }
    await settingsAs(ADMIN);
    const state = () => row(LOCKY.username).getByTestId('operator-state').textContent();
    await expect
      .poll(state, { timeout: 15_000 })
      .toMatch(/^\s*Locked until \d{1,2}:\d{2}(:\d{2})?\s*$/);

    // Esc closes the dialog and does nothing; focus goes back to the button.
    await row(LOCKY.username).getByTestId('operator-unlock').click();
    await expect
      .poll(() => page.getByTestId('confirm-dialog').count(), { timeout: 15_000 })
      .toBe(1);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('confirm-dialog').count(), { timeout: 15_000 })
      .toBe(0);
    expect(await state()).toMatch(/Locked until/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'operator-unlock',
    );
    await row(LOCKY.username).getByTestId('operator-unlock').click();
    await confirmDialog();
    await expect.poll(state, { timeout: 15_000 }).toMatch(/Active/);

    await row(LOCKY.username).getByTestId('operator-toggle').click();
    await confirmDialog();
    await expect.poll(state, { timeout: 15_000 }).toMatch(/Disabled/);
    await row(LOCKY.username).getByTestId('operator-toggle').click();
    await confirmDialog();
    await expect.poll(state, { timeout: 15_000 }).toMatch(/Active/);

    await row(LOCKY.username).getByTestId('operator-reset').click();
    await page.getByTestId('reset-password-input').fill('too short');
    expect(await page.getByTestId('confirm-ok').isDisabled()).toBe(true);
    await page.getByTestId('reset-password-input').fill('a brand new password');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('operator-done').count(), { timeout: 15_000 }).toBe(1);

    await row(LOCKY.username).getByTestId('operator-role').selectOption('supervisor');
    await confirmDialog();
    await expect.poll(() => page.getByTestId('operator-done').count(), { timeout: 15_000 }).toBe(1);
    await settingsAs(ADMIN);
    expect(await row(LOCKY.username).getByTestId('operator-role').inputValue()).toBe('supervisor');
    // The reset password works; the old one does not.
    await signOut();
    await signIn(page, LOCKY.username, 'a brand new password');
    await signOut();
  });
});

describe('language per operator', () => {
  it('Kim keeps Korean, Bob English, the sign-in screen the station default', async () => {
    await accountsReady();
    // Bob and Lia never choose a language: they see the station's default, English here.
    await stationDefault('en');
    await settingsAs(KIM);
    await chooseLanguage('ko');
    await signOut();
    expect(await lang()).toBe('en');
    await signIn(page, BOB.username, BOB.password);
    expect(await lang()).toBe('en');
    await signOut();
    await signIn(page, KIM.username, KIM.password);
    await expect.poll(lang, { timeout: 15_000 }).toBe('ko');
    await signOut();

    // An admin makes Korean the station's default: the sign-in screen follows it.
    await settingsAs(LIA);
    await page.getByTestId('station-language-select').selectOption('ko');
    await page.getByTestId('save-station-language').click();
    await expect.poll(lang, { timeout: 15_000 }).toBe('ko'); // Lia never chose one either
    await chooseLanguage('en');
    await signOut();
    await expect.poll(lang, { timeout: 15_000 }).toBe('ko');
    expect(await englishWords(page, NAMES)).toEqual([]);
    // Back to an English station default, as the test found it.
    await stationDefault('en');
    await expect.poll(lang, { timeout: 15_000 }).toBe('en');
  });
});

describe('screens in both languages and sizes', () => {
  for (const size of SIZES) {
    for (const language of ['en', 'ko'] as const) {
      it(
        `${size.name} ${language}: no English on Korean screens, axe clean`,
        { timeout: 180_000 },
        async () => {
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
