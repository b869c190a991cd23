// Debian's Chromium driven by playwright-core (never a downloaded browser), with a fake camera.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(fakeCameraFile: string): Promise<BrowserContext> {
  // A persistent context is how playwright gives Chromium a fresh --user-data-dir of our own.
  const userDataDir = mkdtempSync(join(tmpdir(), 'faceauth-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCameraFile}`,
    ],
  });
  // The profile is Chromium's own temp folder: gone with the browser (hundreds of MB per run).
  // Its last writers may outlive the context's close by seconds, so removal retries (ENOTEMPTY).
  context.on('close', () => {
    rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(
      (error: unknown) => process.stderr.write(`Chromium profile not removed: ${String(error)}\n`),
    );
  });
  return context;
}
