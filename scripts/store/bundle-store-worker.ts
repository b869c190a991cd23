// Bundles TypeScript entries (the store worker and a script that uses it) into plain ESM files
// with esbuild, the way a production build ships them: tools that start many processes (the
// kill test) then pay no TypeScript start-up cost, and the store is exercised through the same
// `workerPath` option a bundled Electron build uses. better-sqlite3 stays external (native).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export async function bundleEntries(entries: readonly string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [...entries],
    outdir: outDir,
    entryNames: '[name]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'tsx', 'tsx/*'],
    logLevel: 'error',
  });
  return entries.map((entry) => join(outDir, basename(entry).replace(/\.ts$/, '.mjs')));
}
