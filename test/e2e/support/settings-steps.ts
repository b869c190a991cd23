/// <reference lib="dom" />
// Steps the Settings e2e tests repeat on a station page: open Settings as someone after a fresh
// load, sign out, choose a language, find an account's row, answer a confirmation dialog, create
// an account through the form, and read the settings audit entries from the station's file.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn } from './console';

const SOON = { timeout: 15_000 };

/** A fresh load (new connection: nobody signed in), then this account signed in, on Settings. */
export async function openSettingsAs(
  page: Page,
  url: string,
  account: { username: string; password: string },
): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await expect.poll(() => page.getByTestId('username').count(), SOON).toBe(1);
  await signIn(page, account.username, account.password);
  await page.getByTestId('tab-settings').click();
  await expect.poll(() => page.getByTestId('language-select').count(), SOON).toBe(1);
}

export async function signOutOf(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect.poll(() => page.getByTestId('username').count(), SOON).toBe(1);
}

export function languageOf(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

export async function chooseLanguageOn(page: Page, language: 'en' | 'ko'): Promise<void> {
  await page.getByTestId('language-select').selectOption(language);
  await expect.poll(() => languageOf(page), SOON).toBe(language);
}

/** Keys of the settings audit entries in the station's own file, oldest first. */
export function settingsAuditKeys(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'station.db'), { readonly: true });
  try {
    const rows = db
      .prepare("SELECT payload_json FROM audit_log WHERE kind = 'settings' ORDER BY seq")
      .all() as { payload_json: string }[];
    return rows.map((row) => (JSON.parse(row.payload_json) as { key: string }).key);
  } finally {
    db.close();
  }
}

export function operatorRow(page: Page, username: string): Locator {
  return page.locator(`[data-testid="operator-row"][data-username="${username}"]`);
}

export async function confirmInDialog(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('confirm-dialog').count(), SOON).toBe(1);
  // Nothing pre-selected: Cancel has the focus when the dialog opens.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), SOON)
    .toBe('confirm-cancel');
  await page.getByTestId('confirm-ok').click();
  await expect.poll(() => page.getByTestId('confirm-dialog').count(), SOON).toBe(0);
}

/** Creates an operator through the form, checking that the rule shows and gates Create first. */
export async function createAccountOn(
  page: Page,
  account: { username: string; displayName: string; password: string; role?: string },
): Promise<void> {
  await page.getByTestId('new-operator-username').fill(account.username);
  await page.getByTestId('new-operator-name').fill(account.displayName);
  await page.getByTestId('new-operator-role').selectOption(account.role ?? 'operator');
  await page.getByTestId('new-operator-password').fill('short');
  expect(await page.getByTestId('password-rule').textContent()).toMatch(/12/);
  expect(await page.getByTestId('new-operator-submit').isDisabled()).toBe(true);
  await page.getByTestId('new-operator-password').fill(account.password);
  await page.getByTestId('new-operator-submit').click();
  await expect.poll(() => operatorRow(page, account.username).count(), SOON).toBe(1);
}
