// `npm run bench:ui -- [--captures N] [--json]`: capture-to-decision latency as the operator sees
// it. Drives Debian's Chromium (fake camera made from a face photo) against the browser host in
// demo mode: enroll one DEMO submission, then N times: Space pressed → verdict on screen,
// timed inside the page. Prints p50/p95 for the UI and for main's own share (the decision time
// main reports), and the live preview rate; then the same again under a background CPU load the
// bench creates itself (one busy-looping process per core), in `under_load` (issue 12).
/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  facedataAvailable,
  facedataPath,
  FACEDATA_ABSENT_MESSAGE,
} from '../../test/support/facedata';
import { startBrowserHostProcess } from '../../test/e2e/support/browser-host-process';
import { openStationPage } from '../../test/e2e/support/station-page';
import { ADMIN } from '../../test/e2e/support/console';
import { startBusyLoad } from './busy-load';

const { values } = parseArgs({
  options: {
    captures: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const captures = Number(values.captures);
/** One capture's verdict, even under the bench's own background load. */
const CAPTURE_TIMEOUT_MS = 60_000;

/** Progress on stderr: the JSON report alone goes to stdout. */
const progress = (message: string): void => {
  process.stderr.write(`bench:ui ${new Date().toISOString()} ${message}\n`);
};

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) /
    10
  );
}

async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Preview rate while the desk waits, then `captures` timed captures. */
async function measure(page: Page, submissionId: string) {
  // The live preview rate, measured while the desk waits for the next person (no capture).
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const previewFps = Number((await page.getByTestId('preview-fps').textContent()) ?? '0');

  const ui: number[] = [];
  const mainShare: number[] = [];
  for (let index = 0; index < captures; index += 1) {
    await page.keyboard.press('Escape');
    await page.getByTestId('submission-input').fill(submissionId);
    await page.keyboard.press('Enter');
    await waitFor(
      async () => (await page.getByTestId('submission-ready').count()) === 1,
      15_000,
      'the submission check',
    );
    // A capture the station never answers (an error, a refusal) must fail the bench with what
    // the desk shows, not leave it waiting for ever.
    const measured = await page.evaluate(
      (timeoutMs) =>
        new Promise<{ ui: number; main: number }>((resolve, reject) => {
          const started = performance.now();
          const timer = setTimeout(() => {
            observer.disconnect();
            const shown = document.querySelector('.result-panel')?.textContent ?? '';
            reject(new Error(`no verdict within ${timeoutMs} ms; result panel: ${shown.trim()}`));
          }, timeoutMs);
          const observer = new MutationObserver(() => {
            const verdict = document.querySelector('[data-testid="verdict"]');
            const decided = [...document.querySelectorAll('.result-panel p')].find((p) =>
              /Decided in/.test(p.textContent ?? ''),
            );
            if (verdict && decided) {
              clearTimeout(timer);
              observer.disconnect();
              resolve({
                ui: performance.now() - started,
                main: Number(/(\d+)/.exec(decided.textContent ?? '')?.[1] ?? 'NaN'),
              });
            }
          });
          observer.observe(document.body, {
            childList: true,
            subtree: true,
            characterData: true,
          });
          window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
        }),
      CAPTURE_TIMEOUT_MS,
    );
    ui.push(measured.ui);
    mainShare.push(measured.main);
    progress(`capture ${index + 1}/${captures}: ${Math.round(measured.ui)} ms`);
  }
  return {
    captures,
    ui_p50_ms: percentile(ui, 0.5),
    ui_p95_ms: percentile(ui, 0.95),
    main_p50_ms: percentile(mainShare, 0.5),
    main_p95_ms: percentile(mainShare, 0.95),
    ui_overhead_ratio: Math.round((percentile(ui, 0.5) / percentile(mainShare, 0.5)) * 100) / 100,
    preview_fps: previewFps,
  };
}

async function main(): Promise<void> {
  if (!facedataAvailable) {
    process.stderr.write(`${FACEDATA_ABSENT_MESSAGE}\n`);
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const host = await startBrowserHostProcess({ FACEAUTH_DATA_DIR: dataDir });
  const station = await openStationPage(
    host.url,
    facedataPath('verification/deepface/angelina_jolie/img1.jpg'),
  );
  const { page } = station;
  try {
    await page.getByTestId('username').fill(ADMIN.username);
    await page.getByTestId('display-name').fill(ADMIN.displayName);
    await page.getByTestId('password').fill(ADMIN.password);
    await page.getByTestId('sign-in-submit').click();
    await waitFor(
      async () =>
        /Engine: (onnx-|wasm|cpu|tensorflow)/.test(
          (await page.getByTestId('status-backend').textContent()) ?? '',
        ),
      120_000,
      'the engine',
    );
    await page.getByTestId('tab-demo').click();
    await waitFor(
      async () => (await page.getByTestId('guidance').textContent()) === 'Face OK',
      30_000,
      'a good face',
    );
    await page.getByTestId('demo-name').fill('Bench');
    await page.getByTestId('demo-enroll').click();
    await waitFor(
      async () => (await page.getByTestId('demo-enrolled').count()) === 1,
      30_000,
      'enrollment',
    );
    const submissionId = /(DEMO-[0-9A-F]+)/.exec(
      (await page.getByTestId('demo-enrolled').textContent()) ?? '',
    )?.[1];
    if (submissionId === undefined) throw new Error('No DEMO submission id on screen');
    await page.getByTestId('tab-verify').click();
    progress('enrolled; measuring without background load');
    const quiet = await measure(page, submissionId);
    const load = startBusyLoad();
    progress(`measuring under ${load.processes} busy processes`);
    let underLoad: Awaited<ReturnType<typeof measure>>;
    try {
      underLoad = await measure(page, submissionId);
    } finally {
      await load.stop();
    }
    const report = {
      ...quiet,
      under_load: { busy_processes: load.processes, ...underLoad },
    };
    process.stdout.write(
      values.json ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`,
    );
  } finally {
    await station.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:ui failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
