// Steps every console test repeats: create the first admin on a fresh station, sign in.
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
