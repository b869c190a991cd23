// The module manifest plugin and its check, on a real Rollup build (vite) of a fixture tree: an
// entry that imports a query module, or lazily loads a worker service, is reported; an entry
// that imports only main-side code is not. The built station's own bundle is checked by
// test/e2e/main-bundle-modules.e2e.test.ts.
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  chunksLoadedBy,
  workerOnlyModulesLoadedBy,
  type ModuleManifest,
} from '../../../scripts/build/bundle-modules';
import { MODULE_MANIFEST_FILE, moduleManifestPlugin } from '../../../scripts/build/module-manifest';

const FIXTURE = join(import.meta.dirname, '../../fixtures/bundle');

async function buildFixture(): Promise<ModuleManifest> {
  const output = (await build({
    root: FIXTURE,
    configFile: false,
    logLevel: 'silent',
    plugins: [moduleManifestPlugin(FIXTURE)],
    build: {
      ssr: true,
      write: false,
      rollupOptions: {
        input: {
          leaky: join(FIXTURE, 'src-main/results/leaky-entry.ts'),
          clean: join(FIXTURE, 'src-main/station/clean-entry.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  })) as Rollup.RollupOutput;
  const asset = output.output.find((file) => file.fileName === MODULE_MANIFEST_FILE);
  if (asset?.type !== 'asset') throw new Error('no module manifest was emitted');
  return JSON.parse(String(asset.source)) as ModuleManifest;
}

describe('main bundle module check', () => {
  it('reports worker-only modules an entry loads, statically or lazily, and none for a clean entry', async () => {
    const manifest = await buildFixture();
    const leaked = workerOnlyModulesLoadedBy(manifest, 'leaky.js').map((l) => l.module);
    expect(leaked.sort()).toEqual([
      'src-main/database/queries/rows.ts',
      'src-main/store/services/export.ts',
    ]);
    // The lazy chunk is reached through dynamicImports, not bundled into the entry.
    expect(chunksLoadedBy(manifest, 'leaky.js').length).toBeGreaterThan(1);
    expect(workerOnlyModulesLoadedBy(manifest, 'clean.js')).toEqual([]);
    expect(manifest['clean.js']?.modules).toContain('src-main/station/clean-entry.ts');
  }, 60_000);

  it('reports a worker-only package a main chunk imports', () => {
    const manifest: ModuleManifest = {
      'index.js': {
        imports: ['chunks/db.js'],
        dynamicImports: [],
        externals: ['zod'],
        modules: [],
      },
      'chunks/db.js': {
        imports: [],
        dynamicImports: [],
        externals: ['better-sqlite3'],
        modules: [],
      },
    };
    expect(workerOnlyModulesLoadedBy(manifest, 'index.js')).toEqual([
      { chunk: 'chunks/db.js', module: 'better-sqlite3' },
    ]);
  });

  it('refuses a manifest that names a chunk it does not describe', () => {
    const manifest: ModuleManifest = {
      'index.js': { imports: ['chunks/gone.js'], dynamicImports: [], externals: [], modules: [] },
    };
    expect(() => chunksLoadedBy(manifest, 'index.js')).toThrow(/chunks\/gone\.js/);
  });
});
