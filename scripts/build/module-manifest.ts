// A Rollup plugin for the main build: writes out/main/module-manifest.json, which source modules
// each emitted chunk holds and which chunks it loads. Bundling erases module boundaries, so this
// is how a test can tell that worker-only store code (SQL, better-sqlite3, the cipher) never
// reached the main process's bundle (test/e2e/main-bundle-modules.e2e.test.ts).
import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { ModuleManifest } from './bundle-modules';

export const MODULE_MANIFEST_FILE = 'module-manifest.json';

/** Repository-relative, '/'-separated: the form the layer rules match. Virtual ids stay as-is. */
function moduleName(root: string, id: string): string {
  if (id.startsWith('\0') || !id.startsWith(`${root}${sep}`)) return id;
  return relative(root, id).split(sep).join('/');
}

export function moduleManifestPlugin(root: string): Plugin {
  return {
    name: 'faceauth-module-manifest',
    generateBundle(_options, bundle) {
      const manifest: ModuleManifest = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const inBundle = (file: string): boolean => bundle[file] !== undefined;
        manifest[output.fileName] = {
          imports: output.imports.filter(inBundle),
          dynamicImports: output.dynamicImports.filter(inBundle),
          externals: [...output.imports, ...output.dynamicImports].filter((id) => !inBundle(id)),
          modules: output.moduleIds.map((id) => moduleName(root, id)),
        };
      }
      this.emitFile({
        type: 'asset',
        fileName: MODULE_MANIFEST_FILE,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}
