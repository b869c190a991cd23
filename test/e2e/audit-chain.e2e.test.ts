/// <reference lib="dom" />
// Issue 11: the audit chain in the operator's UI. An admin verifies it under Settings → Audit;
// after the file was re-hashed outside the station, the status bar warns at the next start.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { computeEntryHash } from '../../src-main/audit/chain';
import type { AuditRow } from '../../src-main/database/queries/audit';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host-process';
import { ADMIN, createFirstAdmin, signIn } from './support/console';
import { saveScreenshot } from './support/screenshots';
import { launchChromium } from './support/chromium';
import { makeFakeCameraFile } from './support/fake-camera';
import type { StationPage } from './support/station-page';
import { useTempDirs } from '../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

const running: { host: RunningHost; station: StationPage }[] = [];
afterEach(() => closeAll());

async function open(dataDir: string): Promise<StationPage> {
  const host = await startBrowserHostProcess({
    FACEAUTH_DATA_DIR: dataDir,
    FACEAUTH_ENGINE: 'off',
  });
  // No face is needed: the camera shows ffmpeg's test pattern.
  const browser = await launchChromium(makeFakeCameraFile(null));
  const page = await browser.newPage();
  await page.goto(host.url);
  const station: StationPage = { browser, page, close: () => browser.close() };
  running.push({ host, station });
  return station;
}

async function closeAll(): Promise<void> {
  for (const { host, station } of running.splice(0)) {
    await station.close();
    await host.stop();
  }
}

/** Deletes entry 1 and re-hashes the rest with the unkeyed formula, as an attacker with the file. */
function rehashWithoutEntryOne(dataDir: string): void {
  const db = new Database(join(dataDir, 'station.db'));
  db.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;');
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  db.prepare('DELETE FROM audit_log').run();
  db.prepare(`DELETE FROM outbox WHERE kind = 'audit'`).run();
  let prevHash = '0'.repeat(64);
  for (const row of rows.slice(1)) {
    const entry = { ...row, seq: row.seq - 1, prevHash, payloadJson: row.payload_json };
    const hash = computeEntryHash(entry);
    db.prepare(
      `INSERT INTO audit_log (seq, at, kind, actor, payload_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.seq, row.at, row.kind, row.actor, row.payload_json, prevHash, hash);
    prevHash = hash;
  }
  db.close();
}

describe('audit chain in the UI', () => {
  it(
    'verifies on demand, and warns in the status bar after tampering',
    { timeout: 300_000 },
    async () => {
      const dataDir = tempDir('station-audit-e2e-');
      const first = await open(dataDir);
      await createFirstAdmin(first.page);
      await first.page.getByTestId('sign-out').click();
      await signIn(first.page, ADMIN.username, ADMIN.password);
      await first.page.getByTestId('tab-settings').click();
      await first.page.getByTestId('audit-verify-run').click();
      await expect.poll(() => first.page.getByTestId('audit-verify-ok').count()).toBe(1);
      expect(await first.page.getByTestId('audit-chain-warning').count()).toBe(0);
      await closeAll();

      rehashWithoutEntryOne(dataDir);

      const second = await open(dataDir);
      // The station's status (and its warnings) reaches only a signed-in operator.
      await signIn(second.page, ADMIN.username, ADMIN.password);
      await expect
        .poll(() => second.page.getByTestId('audit-chain-warning').textContent(), {
          timeout: 30_000,
        })
        .toMatch(/Audit chain verification failed/);
      await second.page.getByTestId('tab-settings').click();
      await second.page.getByTestId('audit-verify-run').click();
      await expect.poll(() => second.page.getByTestId('audit-verify-failed').count()).toBe(1);
      await saveScreenshot(second.page, 'audit-chain-tampered');
    },
  );
});
