/// <reference lib="dom" />
// The Settings e2e files' station: a real browser host process with the face engine off, one
// Chromium page, the accounts every test uses (made by whichever test runs first, through
// accountsReady()), and the steps those tests repeat, bound to that page and station.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { startBrowserHostProcess, type RunningHost } from './browser-host-process';
import { launchChromium } from './chromium';
import { ADMIN, createFirstAdmin } from './console';
import { runAxe, SERIOUS_IMPACTS, SIZES, type AxeScreen } from './desk-checks';
import { mergeAxeScreens } from './axe-report';
import { makeFakeCameraFile } from './fake-camera';
import {
  chooseLanguageOn,
  confirmInDialog,
  createAccountOn,
  languageOf,
  openSettingsAs,
  operatorRow,
  settingsAuditKeys,
  signOutOf,
} from './settings-steps';
import type { StationPage } from './station-page';

export const KIM = { username: 'kim', displayName: 'Kim Minji', password: 'kim password 123' };
export const BOB = { username: 'bob', displayName: 'Bob Baker', password: 'bob password 1234' };
export const LOCKY = { username: 'locky', displayName: 'Lee Lock', password: 'locky password 12' };
/** An admin who never chooses a language of their own: they see the station's default. */
export const LIA = {
  username: 'lia',
  displayName: 'Lia Admin',
  password: 'lia password 1234',
  role: 'admin',
};
/** Made by the accounts test itself, whatever ran before it. */
export const NIA = { username: 'nia', displayName: 'Nia New', password: 'nia password 1234' };
export const NAMES = [ADMIN, KIM, BOB, LOCKY, LIA, NIA].flatMap((a) => [a.displayName, a.username]);

/** Call at file level: starts this file's station before its tests and stops it after them. */
export function useSettingsStation(name: string) {
  const tempDir = useTempDirs();
  let host: RunningHost;
  let station: StationPage;
  let page: Page;
  const dataDir = tempDir(`station-${name}-`);
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

  return {
    get page(): Page {
      return page;
    },
    /** The station's address with its token. */
    get url(): string {
      return host.url;
    },
    axe,
    accountsReady,
    settingsAs,
    signOut,
    lang,
    chooseLanguage,
    settingsAudits,
    row,
    confirmDialog,
    createAccount,
    stationDefault,
    adminSettingsInEnglish,
  };
}
