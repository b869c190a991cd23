// Builds main, preload and renderer when they are missing, so that start commands work on a
// fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureBuild() {
  if (existsSync('out/renderer/index.html') && existsSync('out/main/index.js')) return;
  console.error('No build yet: running `electron-vite build` first.');
  const result = spawnSync(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
