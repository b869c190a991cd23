/// <reference lib="dom" />
// The desk an operator works all day, in Chromium at 1366×768 and 1920×1080 with a fake camera
// showing a real face: the verdict, its scores and Capture are on screen without scrolling and
// the verdict takes focus; the person is cleared by a tab change, sign-out and operator change
// and comes back only after a reload; Esc in the override dialog keeps the result; auto-capture
// fires for a face that stands still. axe-core runs on every screen and writes
// test-output/e2e/axe.json. The Korean desk is desk-korean.e2e.test.ts. Each test starts from a
// fresh page load and sign-in, so none depends on another having run.
import { describe, expect, it } from 'vitest';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable } from '../support/facedata';
import { ADMIN } from './support/console';
import { boxesInViewport, nothingScrolls, SIZES } from './support/desk-checks';
import { captureBySpace, checkId, freshDesk, openNewestHistoryCard } from './support/desk-session';
import { OPERATOR, OTHER, PERSON, useDeskStation } from './support/desk-station';
import { saveScreenshot } from './support/screenshots';

const desk = useDeskStation('desk');

describe.skipIf(!facedataAvailable)('the desk', { timeout: 420_000 }, () => {
  for (const size of SIZES) {
    it(`${size.name}: verdict, scores and Capture fit without scrolling; the verdict takes focus`, async () => {
      await desk.ready();
      const { page, host, personId } = desk;
      await freshDesk(page, host.url, size, OPERATOR);
      await desk.axe(`verify-empty-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-1-empty`);
      await checkId(page, personId);
      await captureBySpace(page);
      await expect
        .poll(() => page.getByTestId('verdict').textContent(), { timeout: 60_000 })
        .toBe('APPROVED');
      expect(await page.getByTestId('person-name').textContent()).toBe(PERSON);
      await expect
        .poll(() => page.getByTestId('reference-image').count(), { timeout: 60_000 })
        .toBe(1);
      const inView = await boxesInViewport(page, [
        'verdict',
        'scores',
        'gauge-face_similarity_score',
        'capture-button',
        'person-card',
        'reference-image',
        'captured-image',
        'camera-video',
        'submission-input',
        'override-button',
      ]);
      expect(inView).toEqual(Object.fromEntries(Object.keys(inView).map((id) => [id, true])));
      expect(await nothingScrolls(page)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'verdict',
      );
      await desk.axe(`verify-verdict-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-2-approved`);
    });
  }

  it('clears the person on a tab change, on sign-out and for the next operator', async () => {
    await desk.ready();
    const { page, host, personId } = desk;
    await freshDesk(page, host.url, SIZES[0], OPERATOR);
    await checkId(page, personId);
    await captureBySpace(page);
    await page.getByTestId('tab-history').click();
    await page.getByTestId('tab-verify').click();
    expect(await page.getByTestId('verdict').count()).toBe(0);
    expect(await page.getByTestId('captured-image').count()).toBe(0);
    expect(await page.getByTestId('person-id').count()).toBe(0);
    expect(await page.getByTestId('no-person').count()).toBe(1);

    await checkId(page, personId);
    await captureBySpace(page);
    await page.getByTestId('sign-out').click();
    await freshDesk(page, host.url, SIZES[0], OTHER);
    expect(await page.getByTestId('verdict').count()).toBe(0);
    expect(await page.getByTestId('reference-image').count()).toBe(0);
    expect(await page.getByTestId('override-button').count()).toBe(0);
  });

  it('after a reload shows the operator’s last verdict again, to that operator only', async () => {
    await desk.ready();
    const { page, host, personId } = desk;
    await freshDesk(page, host.url, SIZES[0], OPERATOR);
    await checkId(page, personId);
    await captureBySpace(page);
    const verdict = await page.getByTestId('verdict').textContent();
    // A reload opens a new connection: the operator signs in again and finds the verdict.
    await page.reload();
    await expect.poll(() => page.getByTestId('username').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('username').fill(OPERATOR.username);
    await page.getByTestId('password').fill(OPERATOR.password);
    await page.getByTestId('sign-in-submit').click();
    await expect
      .poll(() => page.getByTestId('verdict-restored').count(), { timeout: 60_000 })
      .toBe(1);
    expect(await page.getByTestId('verdict').textContent()).toBe(verdict);
    expect(await page.getByTestId('person-id').textContent()).toBe(personId);
    await saveScreenshot(page, 'desk-1366x768-en-3-restored');
  });

  it('Esc in the override dialog closes only the dialog; focus is trapped and returned', async () => {
    await desk.ready();
    const { page, host, personId } = desk;
    await freshDesk(page, host.url, SIZES[0], OPERATOR);
    await checkId(page, personId);
    await captureBySpace(page);
    await page.getByTestId('override-button').click();
    const dialog = page.getByTestId('override-dialog');
    expect(await dialog.count()).toBe(1);
    // Nothing is chosen for the operator.
    expect(await page.getByTestId('override-decision').inputValue()).toBe('');
    expect(await page.getByTestId('override-reason').inputValue()).toBe('');
    // An empty submit explains itself in plain words.
    await page.getByTestId('override-submit').click();
    expect(await page.getByTestId('override-error').textContent()).toContain(
      'Choose the new decision.',
    );
    // Only the decision that does not stand is offered: an approval can only be rejected.
    expect(
      await page
        .locator('[data-testid="override-decision"] option:not([disabled])')
        .allTextContents(),
    ).toEqual([expect.stringMatching(/^\s*Reject\s*$/)]);
    await page.getByTestId('override-decision').selectOption('rejected');
    await page.getByTestId('override-reason').selectOption('suspected_impostor');
    await page.getByTestId('override-submit').click();
    expect(await page.getByTestId('override-error').textContent()).toContain('details');
    await desk.axe('override-dialog');
    await saveScreenshot(page, 'desk-1366x768-en-4-override');
    // Tab never leaves the dialog.
    for (let index = 0; index < 12; index += 1) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() =>
          Boolean(document.activeElement?.closest('[data-testid="override-dialog"]')),
        ),
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.getByTestId('verdict').textContent()).toBe('APPROVED');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'override-button',
    );
  });

  it('auto-capture fires for a face that stands still, with a countdown on screen', async () => {
    await desk.ready();
    const { page, host, personId } = desk;
    await freshDesk(page, host.url, SIZES[0], OPERATOR);
    await checkId(page, personId);
    // Record every countdown the desk shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { countdowns: string[] }).countdowns = seen;
      const target = document.querySelector('[data-testid="auto-countdown"]')!;
      new MutationObserver(() => {
        if (target.textContent) seen.push(target.textContent);
      }).observe(target, { childList: true, characterData: true, subtree: true });
    });
    await page.getByTestId('auto-capture').check();
    // No key is pressed: the still face alone captures.
    await expect.poll(() => page.getByTestId('verdict').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('verdict').textContent()).toBe('APPROVED');
    const countdowns = await page.evaluate(
      () => (window as unknown as { countdowns: string[] }).countdowns,
    );
    expect(countdowns.some((text) => /capturing in \d/.test(text))).toBe(true);
  });

  it('axe finds nothing moderate or worse on History, Demo, Settings and sign-in', async () => {
    await desk.ready();
    const { page, host, personId } = desk;
    // A verification of its own, so that History has a row to open whatever ran before.
    await freshDesk(page, host.url, SIZES[0], OPERATOR);
    await checkId(page, personId);
    await captureBySpace(page);
    for (const size of SIZES) {
      await freshDesk(page, host.url, size, ADMIN);
      await openNewestHistoryCard(page);
      await desk.axe(`history-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-5-history`);
      await page.getByTestId('tab-demo').click();
      await expect.poll(() => page.getByTestId('demo-list').count(), { timeout: 60_000 }).toBe(1);
      await desk.axe(`demo-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-6-demo`);
      await page.getByTestId('tab-settings').click();
      await desk.axe(`settings-${size.name}`);
      await page.getByTestId('sign-out').click();
      await expect.poll(() => page.getByTestId('username').count(), { timeout: 60_000 }).toBe(1);
      await desk.axe(`sign-in-${size.name}`);
      await saveScreenshot(page, `desk-${size.name}-en-7-sign-in`);
    }
  });
});

if (!facedataAvailable) console.warn(`desk e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
