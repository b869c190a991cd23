// Builds the three bundles: main (Node, ESM), the sandboxed preload (CommonJS, since sandboxed
// preloads cannot be ES modules) and the renderer (Vue).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import { moduleManifestPlugin } from './scripts/build/module-manifest';

export default defineConfig({
  main: {
    // out/main/module-manifest.json: which modules each chunk holds (checked by a built-bundle test).
    plugins: [moduleManifestPlugin(resolve('.'))],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          // Worker threads are separate entries: the main bundle starts them by file name.
          'store-worker': resolve('src-main/store/worker/store-worker.ts'),
          'engine-worker': resolve('src-main/engine/pool/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads get only a tiny require(); bundle everything into one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
