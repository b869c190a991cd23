// One Chromium per fake camera: a station page whose webcam shows a given photo.
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { makeFakeCameraFile } from './fake-camera';

export interface StationPage {
  browser: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openStationPage(url: string, photoPath: string): Promise<StationPage> {
  const browser = await launchChromium(makeFakeCameraFile(photoPath));
  const page = await browser.newPage();
  await page.goto(url);
  return { browser, page, close: () => browser.close() };
}
