// test-output/e2e/axe.json collects the axe-core screens of every e2e file. Files run one at a
// time (vitest.e2e.config.ts), so each one merges its screens into what earlier files wrote,
// replacing screens of the same name from an earlier run instead of duplicating them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeScreen } from './desk-checks';
import { SCREENSHOT_DIR } from './screenshots';

const AXE_REPORT = join(SCREENSHOT_DIR, 'axe.json');

function readScreens(): AxeScreen[] {
  if (!existsSync(AXE_REPORT)) return [];
  try {
    const parsed = JSON.parse(readFileSync(AXE_REPORT, 'utf8')) as { screens?: AxeScreen[] };
    return Array.isArray(parsed.screens) ? parsed.screens : [];
  } catch {
    return [];
  }
}

export function mergeAxeScreens(screens: readonly AxeScreen[]): void {
  if (screens.length === 0) return;
  const names = new Set(screens.map((screen) => screen.name));
  const kept = readScreens().filter((screen) => !names.has(screen.name));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(AXE_REPORT, `${JSON.stringify({ screens: [...kept, ...screens] }, null, 2)}\n`);
}
