/// <reference lib="dom" />
// The submission id can be shown to the camera as a QR code: the console reads it and checks
// the submission at once (here an unknown id, answered with Invalid_submissionId).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { createFirstAdmin } from './support/console';
import { FIXTURE_DIR } from './support/fake-camera';
import { saveScreenshot } from './support/screenshots';
import { openStationPage, type StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const SHOWN_ID = 'SUB-QR-0042';
let host: RunningHost;
let station: StationPage;

beforeAll(async () => {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const qrPhoto = join(tempDir('qr-'), 'submission-qr.png');
  await QRCode.toFile(qrPhoto, SHOWN_ID, { width: 480, margin: 4 });
  host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: tempDir('station-qr-'),
    FACEAUTH_ENGINE: 'off',
  });
  station = await openStationPage(host.url, qrPhoto);
});

afterAll(async () => {
  await station?.close();
  await host?.stop();
});

describe('QR code on the camera', () => {
  it('fills the submission id from a QR code and checks it', { timeout: 120_000 }, async () => {
    const { page } = station;
    await createFirstAdmin(page);
    await expect
      .poll(() => page.getByTestId('submission-input').inputValue(), { timeout: 30_000 })
      .toBe(SHOWN_ID);
    await expect
      .poll(() => page.getByTestId('submission-refused').getByTestId('problem-code').textContent())
      .toBe('Invalid_submissionId');
    await saveScreenshot(page, 'qr-code-read');
  });
});
