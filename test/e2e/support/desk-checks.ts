/// <reference lib="dom" />
// Checks the desk e2e tests make on the rendered page: what lies inside the viewport without
// scrolling, which English words remain on a Korean screen, and axe-core's verdict per screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BRIDGE_ERROR_CODES } from '../../../src-shared/contract/envelope';
import { FACEAUTH_ERROR_CODES, FAIL_CODES } from '../../../src-shared/faceauth/codes';
import { REPO_ROOT } from './browser-host-process';

export const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

/** Each test id's box, and whether it lies wholly inside the viewport with the page unscrolled. */
export async function boxesInViewport(
  page: Page,
  testIds: readonly string[],
): Promise<Record<string, boolean>> {
  return page.evaluate((ids) => {
    const out: Record<string, boolean> = {};
    const scrolled = window.scrollY !== 0 || window.scrollX !== 0;
    for (const id of ids) {
      const element = document.querySelector(`[data-testid="${id}"]`);
      const box = element?.getBoundingClientRect();
      out[id] =
        !scrolled &&
        box !== undefined &&
        box.width > 0 &&
        box.height > 0 &&
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth;
    }
    return out;
  }, testIds);
}

/** True when nothing on the page (window or any scroll box) needs scrolling to be seen. */
export async function nothingScrolls(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [document.scrollingElement, document.querySelector('main')].every(
      (element) => element === null || element.scrollHeight <= element.clientHeight + 1,
    ),
  );
}

/** Words a Korean screen may show in Latin letters: FaceAuth's codes and proper names. */
const ALLOWED_LATIN = new Set<string>([
  ...FACEAUTH_ERROR_CODES,
  ...FAIL_CODES,
  ...BRIDGE_ERROR_CODES,
  'FaceAuth',
  'ARGOS',
  'QR',
  'CSV',
  'Esc',
]);

/** Latin-letter words left on a Korean screen after ids, codes and the given names. */
export async function englishWords(page: Page, properNames: readonly string[]): Promise<string[]> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const name of properNames) text = text.split(name).join(' ');
  // Submission ids (DEMO-…, typed ids) and UUIDs are data, not words.
  text = text.replace(/\bDEMO-[0-9A-F]+\b/g, ' ').replace(/\b[0-9a-f-]{36}\b/gi, ' ');
  const words = text.match(/[A-Za-z][A-Za-z_]+/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED_LATIN.has(word)))];
}

export interface AxeScreen {
  name: string;
  violations: { id: string; impact: string | null; nodes: string[] }[];
}

// axe-core's package exports hide its browser build from resolve(); read it from node_modules.
const axeSource = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core 4 on the page as it is now (evaluated over CDP, so the page's CSP holds). */
export async function runAxe(page: Page, name: string): Promise<AxeScreen> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return { name, violations };
}

export const SERIOUS_IMPACTS = new Set(['moderate', 'serious', 'critical']);
