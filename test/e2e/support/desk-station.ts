/// <reference lib="dom" />
// The desk e2e files' station: one browser host per file with the admin, two operators and one
// DEMO person, made by whichever test runs first (ready()), and a desk page whose camera shows
// another photo of her. axe results are collected and merged into test-output/e2e/axe.json.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { facedataAvailable, facedataPath } from '../../support/facedata';
import { useTempDirs } from '../../support/temp-dir';
import { startBrowserHostProcess, type RunningHost } from './browser-host-process';
import { ADMIN, createFirstAdmin, signIn, waitForEngine } from './console';
import { runAxe, SERIOUS_IMPACTS, type AxeScreen } from './desk-checks';
import { mergeAxeScreens } from './axe-report';
import { enrollDemoPatiently } from './desk-session';
import { openStationPage, type StationPage } from './station-page';

export const PHOTOS = {
  enrol: 'verification/deepface/angelina_jolie/img1.jpg',
  again: 'verification/deepface/angelina_jolie/img2.jpg',
  /** Someone else at the desk claiming her id: a rejection (face_compare_underscore). */
  impostor: 'verification/deepface/jennifer_aniston/img3.jpg',
};
export const OPERATOR = {
  username: 'desk1',
  displayName: 'Dana Desk',
  password: 'operator password 1',
};
export const OTHER = {
  username: 'desk2',
  displayName: 'Olli Other',
  password: 'operator password 2',
};
export const PERSON = 'Angela Example';

export interface DeskStation {
  readonly host: RunningHost;
  /** The desk page: its camera shows PHOTOS.again. */
  readonly page: Page;
  readonly personId: string;
  /** Sets the station up once, in whichever test calls it first. */
  ready(): Promise<void>;
  /** Runs axe on a screen and fails on anything serious; the result goes to axe.json. */
  axe(name: string, on?: Page): Promise<void>;
}

/** Call at file level: starts this file's station before its tests and stops it after them. */
export function useDeskStation(name: string): DeskStation {
  const tempDir = useTempDirs();
  let host: RunningHost;
  let station: StationPage;
  let page: Page;
  let personId = '';
  const axeScreens: AxeScreen[] = [];

  beforeAll(async () => {
    if (!facedataAvailable) return;
    host = await startBrowserHostProcess({ FACEAUTH_DATA_DIR: tempDir(`station-${name}-`) });
  });

  afterAll(async () => {
    await station?.close();
    await host?.stop();
    mergeAxeScreens(axeScreens);
  });

  async function axe(name: string, on: Page = page): Promise<void> {
    const screen = await runAxe(on, name);
    axeScreens.push(screen);
    expect(
      screen.violations.filter((violation) => SERIOUS_IMPACTS.has(violation.impact ?? '')),
      name,
    ).toEqual([]);
  }

  let setUp: Promise<void> | null = null;
  /** Accounts and one DEMO person, made by whichever test runs first (expect.poll needs a test). */
  function ready(): Promise<void> {
    setUp ??= setUpStation().catch((error: unknown) => {
      setUp = null;
      throw error;
    });
    return setUp;
  }

  /** What setting up has done so far, so that a retry after a slow step resumes, not restarts. */
  const done = { admin: false, accounts: new Set<string>() };

  async function setUpStation(): Promise<void> {
    // The person is enrolled from one photo; the desk's camera then shows another photo of her.
    const enrolling = await openStationPage(host.url, facedataPath(PHOTOS.enrol));
    try {
      await enrolling.page.setViewportSize({ width: 1366, height: 768 });
      if (done.admin) {
        await expect
          .poll(() => enrolling.page.getByTestId('username').count(), { timeout: 60_000 })
          .toBe(1);
        await signIn(enrolling.page, ADMIN.username, ADMIN.password);
      } else {
        await createFirstAdmin(enrolling.page);
        done.admin = true;
      }
      // On two shared cores the models can take minutes to load.
      await expect
        .poll(() => enrolling.page.getByTestId('status-backend').textContent(), {
          timeout: 280_000,
        })
        .toMatch(/Engine: /);
      await waitForEngine(enrolling.page);
      await enrolling.page.getByTestId('tab-settings').click();
      for (const account of [OPERATOR, OTHER].filter((a) => !done.accounts.has(a.username))) {
        await enrolling.page.getByTestId('new-operator-username').fill(account.username);
        await enrolling.page.getByTestId('new-operator-name').fill(account.displayName);
        await enrolling.page.getByTestId('new-operator-role').selectOption('operator');
        await enrolling.page.getByTestId('new-operator-password').fill(account.password);
        await enrolling.page.getByTestId('new-operator-submit').click();
        await expect
          .poll(
            () =>
              enrolling.page
                .getByTestId('operator-row')
                .filter({ hasText: account.username })
                .count(),
            { timeout: 60_000 },
          )
          .toBe(1);
        done.accounts.add(account.username);
      }
      personId = await enrollDemoPatiently(enrolling.page, PERSON);
    } finally {
      await enrolling.close();
    }
    station = await openStationPage(host.url, facedataPath(PHOTOS.again));
    page = station.page;
  }

  return {
    get host() {
      return host;
    },
    get page() {
      return page;
    },
    get personId() {
      return personId;
    },
    ready,
    axe,
  };
}
