/// <reference lib="dom" />
// (Code inside page.evaluate runs in Chromium, so this file also sees the DOM types.)
// The first real slice, end to end: Chromium with a fake camera made from a face photo opens
// the browser host's page, shows the live picture, sends a frame across the bridge as binary
// and shows what main received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { launchChromium } from './support/chromium';
import { makeFakeCameraFile } from './support/fake-camera';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { saveScreenshot } from './support/screenshots';
import { adminDesk, signInOrCreateAdmin, waitForEngine } from './support/console';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const FACE_PHOTO = 'verification/deepface/angelina_jolie/img1.jpg';

const freshDataDir = () => tempDir('station-e2e-');

let host: RunningHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!facedataAvailable)
    console.warn(`${FACEDATA_ABSENT_MESSAGE} The fake camera plays a test pattern instead.`);
  const camera = makeFakeCameraFile(facedataAvailable ? facedataPath(FACE_PHOTO) : null);
  host = await startBrowserHostProcess({ FACEAUTH_DATA_DIR: freshDataDir() });
  browser = await launchChromium(camera);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

// Each test loads the page itself and signs in (creating the admin if it runs first).
describe('camera slice through the browser host', () => {
  it('shows station status from main once an operator is signed in', async () => {
    await page.goto(host.url);
    // The token is taken out of the address bar once read.
    expect(page.url()).not.toContain('token=');
    // Main answers station:status to a signed-in operator only (issue 11).
    await expect.poll(() => page.getByTestId('username').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('status-host').count()).toBe(0);
    await signInOrCreateAdmin(page);
    await expect.poll(() => page.getByTestId('status-host').textContent()).toBe('Browser host');
    expect(await page.getByTestId('status-version').textContent()).toMatch(/^v\d+\.\d+\.\d+/);
  });

  it('shows the live camera picture', async () => {
    await adminDesk(page, host.url);
    const video = page.getByTestId('camera-video');
    await expect
      .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth), {
        timeout: 15_000,
      })
      .toBe(640);
    // Not a black or uniform frame: the picture really arrives in the page.
    const spread = await video.evaluate((element: HTMLVideoElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = element.videoWidth;
      canvas.height = element.videoHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(element, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let min = 255;
      let max = 0;
      for (let index = 0; index < data.length; index += 4 * 97) {
        const luma = (data[index]! + data[index + 1]! + data[index + 2]!) / 3;
        min = Math.min(min, luma);
        max = Math.max(max, luma);
      }
      return max - min;
    });
    expect(spread).toBeGreaterThan(60);
    await saveScreenshot(page, 'camera-live');
  });

  it('sends live frames to main and shows what it received', async () => {
    await adminDesk(page, host.url);
    await waitForEngine(page);
    // Preview frames cross the bridge as binary JPEG; main decodes them and counts faces.
    await expect
      .poll(() => page.getByTestId('frame-format').textContent(), { timeout: 15_000 })
      .toBe('JPEG');
    expect(await page.getByTestId('frame-size').textContent()).toBe('320 × 240');
    const bytes = Number((await page.getByTestId('frame-bytes').textContent())!.replace(/\D/g, ''));
    expect(bytes).toBeGreaterThan(1_000);
    // With a real face photo on the fake camera, the engine finds exactly one face.
    const expected = facedataAvailable ? '1' : '0';
    await expect
      .poll(() => page.getByTestId('frame-faces').textContent(), { timeout: 15_000 })
      .toBe(expected);
    await saveScreenshot(page, 'frame-captured');
  });

  it('exposes no Node, Electron or generic IPC to the page', async () => {
    await adminDesk(page, host.url);
    const leaks = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return ['require', 'process', 'ipcRenderer', 'electron', 'module', 'Buffer'].filter(
        (name) => typeof scope[name] !== 'undefined',
      );
    });
    expect(leaks).toEqual([]);
  });

  it('tells a visitor without the token how to get in', async () => {
    const stranger = await browser.newPage();
    await stranger.goto(host.origin);
    await expect
      .poll(() => stranger.locator('#app').textContent())
      .toContain('npm run start:browser');
    await saveScreenshot(stranger, 'no-token');
    await stranger.close();
  });
});
