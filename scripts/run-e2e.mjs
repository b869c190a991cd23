// `npm run test:e2e`: checks what the end-to-end tests need and says plainly what is missing,
// then runs them with vitest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium))
  missing.push(`Chromium (${chromium}): apt-get install chromium, or set CHROMIUM_PATH`);
if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status !== 0)
  missing.push('ffmpeg: apt-get install ffmpeg');
if (!existsSync('out/renderer/index.html'))
  missing.push('the built renderer: run `npm run build` first');
if (missing.length > 0) {
  console.error(`End-to-end tests cannot run; missing:\n  - ${missing.join('\n  - ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
