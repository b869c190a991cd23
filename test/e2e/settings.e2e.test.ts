/// <reference lib="dom" />
// Settings, operator management and the language per operator in Chromium, against a real browser
// host process (face engine off: no face is needed here) and its real SQLite file: a section
// saves only its own change (checked in the audit log), accounts are managed through
// confirmation dialogs, each operator keeps their own language while the sign-in screen follows
// the station's. The screens in both languages and sizes are settings-screens.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { ADMIN, signIn } from './support/console';
import { englishWords } from './support/desk-checks';
import { BOB, KIM, LIA, LOCKY, NAMES, NIA, useSettingsStation } from './support/settings-station';

const station = useSettingsStation('settings');
// Each test signs in and out several times on two shared cores: minutes, not the default minute.
const {
  accountsReady,
  adminSettingsInEnglish,
  chooseLanguage,
  confirmDialog,
  createAccount,
  lang,
  row,
  settingsAs,
  settingsAudits,
  signOut,
  stationDefault,
} = station;

describe('accounts', { timeout: 180_000 }, () => {
  it('creates the first admin and accounts, each rule shown before submitting', async () => {
    await accountsReady();
    await adminSettingsInEnglish();
    await createAccount(NIA);
    for (const account of [KIM, BOB, LOCKY, LIA, NIA])
      expect(await row(account.username).count(), account.username).toBe(1);
  });
});

describe('settings sections', { timeout: 180_000 }, () => {
  it('saves one section only, keeps it after a reload, leaves the others untouched', async () => {
    const { page } = station;
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

describe('operator management', { timeout: 180_000 }, () => {
  it('locks show local time; unlock, disable, enable, reset and role change ask first', async () => {
    const { page } = station;
    await accountsReady();
    await adminSettingsInEnglish();
    // Lock the account: wrong passwords, each from a fresh connection (a page load).
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.goto('about:blank');
      await page.goto(station.url);
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

describe('language per operator', { timeout: 180_000 }, () => {
  it('Kim keeps Korean, Bob English, the sign-in screen the station default', async () => {
    const { page } = station;
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
