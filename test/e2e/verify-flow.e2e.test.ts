/// <reference lib="dom" />
// The desk's whole flow in Chromium through the browser host, with fake cameras made from real
// photos: enroll DEMO submissions, a genuine person is approved, an impostor is rejected with
// face_compare_underscore, a photo without a face gives no_face, unknown and revoked ids are
// answered at once, and an override keeps the supervisor rule. Screenshots of each key screen.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { ADMIN, createFirstAdmin, signIn, waitForEngine } from './support/console';
import { enrollDemo, verifyByKeyboard } from './support/desk';
import { saveScreenshot } from './support/screenshots';
import { openStationPage, type StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const PHOTOS = {
  personA: 'verification/deepface/angelina_jolie/img1.jpg',
  personAagain: 'verification/deepface/angelina_jolie/img2.jpg',
  personB: 'verification/deepface/jennifer_aniston/img3.jpg',
  noFace: 'negative/no_face/cap_product_val_391.jpg',
};
const OPERATOR = { username: 'desk1', displayName: 'Dana Desk', password: 'operator password 1' };
const SUPERVISOR = {
  username: 'super1',
  displayName: 'Sam Supervisor',
  password: 'supervisor password 1',
};

/** Polls wait as long as a loaded two-core machine needs (expect.poll's default is one second). */
const PATIENT = { timeout: 60_000 };

let host: RunningHost;
const opened: StationPage[] = [];
const ids: { personA?: string; personB?: string; revoked?: string } = {};

async function station(photo: string): Promise<Page> {
  const stationPage = await openStationPage(host.url, facedataPath(photo));
  opened.push(stationPage);
  return stationPage.page;
}

beforeAll(async () => {
  host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: tempDir('station-flow-'),
  });
});

afterEach(async (context) => {
  // A failed step leaves a picture of every open page for the reader of the CI log.
  if (context.task.result?.state !== 'fail') return;
  for (const [index, stationPage] of opened.entries()) {
    await saveScreenshot(
      stationPage.page,
      `flow-failed-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}-${index}`,
    );
  }
});

afterAll(async () => {
  for (const stationPage of opened) await stationPage.close();
  await host?.stop();
});

/**
 * Accounts and three DEMO submissions from the camera, made by whichever test runs first (each
 * test calls ready(), so none depends on another having run; expect.poll needs a test).
 */
let setUp: Promise<void> | null = null;
function ready(): Promise<void> {
  setUp ??= setUpStation().catch((error: unknown) => {
    setUp = null;
    throw error;
  });
  return setUp;
}

async function setUpStation(): Promise<void> {
  const page = await station(PHOTOS.personA);
  await createFirstAdmin(page);
  await waitForEngine(page);
  await page.getByTestId('tab-settings').click();
  for (const account of [
    { ...OPERATOR, role: 'operator' },
    { ...SUPERVISOR, role: 'supervisor' },
  ]) {
    await page.getByTestId('new-operator-username').fill(account.username);
    await page.getByTestId('new-operator-name').fill(account.displayName);
    await page.getByTestId('new-operator-role').selectOption(account.role);
    await page.getByTestId('new-operator-password').fill(account.password);
    await page.getByTestId('new-operator-submit').click();
    await expect
      .poll(
        () => page.getByTestId('operator-row').filter({ hasText: account.username }).count(),
        PATIENT,
      )
      .toBe(1);
  }
  ids.personA = await enrollDemo(page, 'Person A');
  await saveScreenshot(page, 'flow-1-demo-enrolled');

  const second = await station(PHOTOS.personB);
  await signIn(second, ADMIN.username, ADMIN.password);
  await waitForEngine(second);
  ids.personB = await enrollDemo(second, 'Person B');
  // Revoked by its own test, so that no other test loses the person it verifies.
  ids.revoked = await enrollDemo(second, 'Person R');
}

// Each step drives real models on two shared cores: allow minutes, not seconds.
describe.skipIf(!facedataAvailable)('verify flow at the desk', { timeout: 240_000 }, () => {
  it('sets up accounts and enrolls DEMO submissions from the camera', async () => {
    await ready();
    expect([ids.personA, ids.personB, ids.revoked]).toEqual([
      expect.stringMatching(/^DEMO-/),
      expect.stringMatching(/^DEMO-/),
      expect.stringMatching(/^DEMO-/),
    ]);
  });

  it('approves the genuine person and rejects an impostor with face_compare_underscore', async () => {
    await ready();
    const page = await station(PHOTOS.personAagain);
    await signIn(page, OPERATOR.username, OPERATOR.password);
    await waitForEngine(page);

    await verifyByKeyboard(page, ids.personA!);
    expect(await page.getByTestId('verdict').textContent()).toBe('APPROVED');
    await expect.poll(() => page.getByTestId('reference-image').count(), PATIENT).toBe(1);
    await saveScreenshot(page, 'flow-2-genuine-approved');

    await page.keyboard.press('Escape');
    await verifyByKeyboard(page, ids.personB!);
    expect(await page.getByTestId('verdict').textContent()).toBe('REJECTED');
    expect(await page.getByTestId('fail-codes').textContent()).toContain('face_compare_underscore');
    // The reason in plain words, the FaceAuth code beside it (not ARGOS's developer comment).
    expect(await page.getByTestId('fail-codes').textContent()).toContain(
      'The face does not match the reference photo.',
    );
    await saveScreenshot(page, 'flow-3-impostor-rejected');

    // An operator may not approve a rejection alone: a supervisor's credentials are required.
    await page.getByTestId('override-button').click();
    await page.getByTestId('override-decision').selectOption('approved');
    await page.getByTestId('override-reason').selectOption('identity_confirmed_by_document');
    await page.getByTestId('override-text').fill('Passport checked at the desk');
    await page.getByTestId('supervisor-username').fill(OPERATOR.username);
    await page.getByTestId('supervisor-password').fill(OPERATOR.password);
    await page.getByTestId('override-submit').click();
    await expect
      .poll(() => page.getByTestId('override-error').textContent(), PATIENT)
      .toMatch(/not a supervisor/);
    await saveScreenshot(page, 'flow-4-override-needs-supervisor');

    await page.getByTestId('supervisor-username').fill(SUPERVISOR.username);
    await page.getByTestId('supervisor-password').fill(SUPERVISOR.password);
    await page.getByTestId('override-submit').click();
    await expect.poll(() => page.getByTestId('verdict').textContent(), PATIENT).toBe('APPROVED');
    expect(await page.getByTestId('override-note').textContent()).toContain(
      'Identity confirmed by document',
    );
    await saveScreenshot(page, 'flow-5-override-approved');

    // History shows both decisions, the override marked.
    await page.getByTestId('tab-history').click();
    await expect
      .poll(() => page.getByTestId('history-row').count(), PATIENT)
      .toBeGreaterThanOrEqual(2);
    await saveScreenshot(page, 'flow-6-history');
  });

  it('answers no_face for a photo without a face, and refuses unknown ids at once', async () => {
    await ready();
    const page = await station(PHOTOS.noFace);
    await signIn(page, OPERATOR.username, OPERATOR.password);
    await waitForEngine(page);
    await verifyByKeyboard(page, ids.personA!);
    expect(await page.getByTestId('error-code').textContent()).toBe('no_face');
    await saveScreenshot(page, 'flow-7-no-face');

    await page.keyboard.press('Escape');
    await page.getByTestId('submission-input').fill('NOT-A-REAL-ID');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () => page.getByTestId('submission-refused').getByTestId('problem-code').textContent(),
        PATIENT,
      )
      .toBe('Invalid_submissionId');
    expect(await page.getByTestId('submission-refused').textContent()).toContain(
      'This submission id is not known at this station.',
    );
    expect(await page.getByTestId('capture-button').isDisabled()).toBe(true);
    await saveScreenshot(page, 'flow-8-unknown-id');
  });

  it('refuses a revoked submission with invalid_submission_status', async () => {
    await ready();
    const page = await station(PHOTOS.personAagain);
    await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
    await page.getByTestId('tab-demo').click();
    const row = page.locator('[data-testid="demo-list"] li').filter({ hasText: ids.revoked! });
    // Revoking asks first.
    await row.getByTestId('demo-revoke').click();
    await row.getByTestId('demo-revoke-confirm').click();
    // The revocation is done once the list shows it; only then ask the desk about that id.
    await expect
      .poll(() => row.getByTestId('demo-status').getAttribute('data-status'), PATIENT)
      .toBe('rejected');
    await page.getByTestId('tab-verify').click();
    await page.getByTestId('submission-input').fill(ids.revoked!);
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () => page.getByTestId('submission-refused').getByTestId('problem-code').textContent(),
        PATIENT,
      )
      .toBe('invalid_submission_status');
    await saveScreenshot(page, 'flow-9-revoked');

    // The console speaks Korean once chosen in settings (a desk preference, no admin needed).
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('language-select').selectOption('ko');
    await expect.poll(() => page.getByTestId('tab-verify').textContent(), PATIENT).toBe('인증');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await saveScreenshot(page, 'flow-10-korean');
    await page.getByTestId('language-select').selectOption('en');
  });
});

if (!facedataAvailable) console.warn(`verify-flow e2e skipped: ${FACEDATA_ABSENT_MESSAGE}`);
