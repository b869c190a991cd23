// Steps every console test repeats: create the first admin on a fresh station, sign in, or
// either of the two, for a test that must not depend on another having made the admin first.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  password: 'correct horse battery',
};

export async function createFirstAdmin(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('display-name').count(), { timeout: 15_000 }).toBe(1);
  await page.getByTestId('username').fill(ADMIN.username);
  await page.getByTestId('display-name').fill(ADMIN.displayName);
  await page.getByTestId('password').fill(ADMIN.password);
  await page.getByTestId('sign-in-submit').click();
  await expect.poll(() => page.getByTestId('operator').count(), { timeout: 15_000 }).toBe(1);
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect.poll(() => page.getByTestId('operator').count(), { timeout: 15_000 }).toBe(1);
}

/** Waits until the face models are loaded (the status bar names the backend). */
export async function waitForEngine(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('status-backend').textContent(), { timeout: 90_000 })
    .toMatch(/Engine: (onnx-[a-z]+|wasm|cpu|tensorflow)/);
}

/**
 * On the sign-in screen: creates the first admin when the station has none yet, else signs the
 * admin in. Tests call it instead of assuming an earlier test made the admin.
 */
export async function signInOrCreateAdmin(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('username').count(), { timeout: 15_000 }).toBe(1);
  // The first-admin form and the sign-in form render together with the session's state: once
  // the username field is there, the display-name field is too if (and only if) it is the former.
  if ((await page.getByTestId('display-name').count()) === 1) await createFirstAdmin(page);
  else await signIn(page, ADMIN.username, ADMIN.password);
}

/** A fresh load (a new connection: nobody signed in), then the admin signed in. */
export async function adminDesk(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await signInOrCreateAdmin(page);
}
