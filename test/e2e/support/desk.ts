// Desk steps several console tests repeat: enroll a DEMO submission from the camera, and verify
// an id the way an operator does, keyboard only.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** How long to wait for a good face, then for the enrollment; a loaded machine needs longer. */
export interface EnrollPatience {
  faceMs: number;
  enrollMs: number;
}

/** Enrolls the person the camera shows as a DEMO submission; returns its id. */
export async function enrollDemo(
  page: Page,
  name: string,
  patience: EnrollPatience = { faceMs: 30_000, enrollMs: 30_000 },
): Promise<string> {
  await page.getByTestId('tab-demo').click();
  // As at a real desk: enroll once the camera shows a good face.
  await expect
    .poll(() => page.getByTestId('guidance').textContent(), { timeout: patience.faceMs })
    .toBe('Face OK');
  const enrolled = page.getByTestId('demo-enrolled');
  // A page that enrolled before still shows that id: wait for a new one, not the old one.
  const shown = async () =>
    (await enrolled.count()) ? ((await enrolled.textContent()) ?? '') : '';
  const before = await shown();
  await page.getByTestId('demo-name').fill(name);
  await page.getByTestId('demo-enroll').click();
  await expect
    .poll(
      async () => {
        const text = await shown();
        return text !== before && /DEMO-/.test(text);
      },
      { timeout: patience.enrollMs },
    )
    .toBe(true);
  const id = /(DEMO-[0-9A-F]+)/.exec(await shown());
  if (id?.[1] === undefined) throw new Error('no DEMO id on screen');
  return id[1];
}

/** Keyboard only: type the id, Enter, wait for the camera's face, Space. */
export async function verifyByKeyboard(page: Page, submissionId: string): Promise<void> {
  await page.getByTestId('tab-verify').click();
  await page.getByTestId('submission-input').focus();
  await page.keyboard.type(submissionId);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('submission-ready').count(), { timeout: 15_000 })
    .toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByTestId('verdict').count(), { timeout: 30_000 }).toBe(1);
}
