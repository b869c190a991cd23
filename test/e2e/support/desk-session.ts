// Puts a station page into a known state for one desk test, whatever the test before it did:
// a fresh load (a new bridge connection, so nobody is signed in), the given window size, the
// given operator signed in, and the station's language.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn, waitForEngine } from './console';
import { enrollDemo } from './desk';

export interface Account {
  username: string;
  password: string;
}

export async function freshDesk(
  page: Page,
  url: string,
  size: { width: number; height: number },
  account: Account,
  language: 'en' | 'ko' = 'en',
): Promise<void> {
  await page.setViewportSize(size);
  // A real load (not a same-document hash change): a new connection, nobody signed in.
  await page.goto('about:blank');
  await page.goto(url);
  await expect.poll(() => page.getByTestId('username').count(), { timeout: 15_000 }).toBe(1);
  // No verdict carried over from another test: only the reload test wants one back.
  await page.evaluate(() => sessionStorage.removeItem('faceauth.desk.lastVerdict'));
  await signIn(page, account.username, account.password);
  await setLanguage(page, language);
  if (language === 'en') await waitForEngine(page);
  await page.getByTestId('tab-verify').click();
}

export async function setLanguage(page: Page, language: 'en' | 'ko'): Promise<void> {
  await page.getByTestId('tab-settings').click();
  await expect.poll(() => page.getByTestId('language-select').count(), { timeout: 60_000 }).toBe(1);
  await page.getByTestId('language-select').selectOption(language);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 60_000 })
    .toBe(language);
}

/** Types the id, presses Enter and waits until the desk is ready to capture. */
export async function checkId(page: Page, submissionId: string): Promise<void> {
  await page.getByTestId('tab-verify').click();
  await page.getByTestId('submission-input').fill(submissionId);
  await page.getByTestId('submission-input').press('Enter');
  await expect
    .poll(() => page.getByTestId('submission-ready').count(), { timeout: 15_000 })
    .toBe(1);
}

/** Space, then wait for the verdict heading. */
export async function captureBySpace(page: Page): Promise<void> {
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByTestId('verdict').count(), { timeout: 30_000 }).toBe(1);
}

/** enrollDemo with room for a loaded machine: minutes for the face and the enrolment. */
export async function enrollDemoPatiently(page: Page, name: string): Promise<string> {
  return enrollDemo(page, name, { faceMs: 120_000, enrollMs: 180_000 });
}

/** History, then the card of its newest row, waiting as long as a loaded machine needs. */
export async function openNewestHistoryCard(page: Page): Promise<void> {
  await page.getByTestId('tab-history').click();
  await expect
    .poll(() => page.getByTestId('history-row').count(), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByTestId('history-row').first().click();
  await expect.poll(() => page.getByTestId('history-detail').count(), { timeout: 60_000 }).toBe(1);
}
