// Where the model weights and the wasm binaries are on disk. They ship inside the npm packages
// (@vladmandic/face-api/model, @tensorflow/tfjs-backend-wasm/dist); nothing is fetched at run
// time. A packaged app may relocate them, hence the overrides (options or environment).
import { createRequire } from 'node:module';
import path from 'node:path';

// nodeRequire: electron-vite's CJS shim declares its own `require` in chunks calling require().
const nodeRequire = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(nodeRequire.resolve(`${name}/package.json`));
}

export function defaultModelDir(): string {
  return process.env.FACEAUTH_MODEL_DIR ?? path.join(packageDir('@vladmandic/face-api'), 'model');
}

/** tfjs-backend-wasm expects a directory prefix ending with a separator. */
export function defaultWasmDir(): string {
  const dir =
    process.env.FACEAUTH_WASM_DIR ?? path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

export function faceApiVersion(): string {
  const pkg = nodeRequire('@vladmandic/face-api/package.json') as { version: string };
  return pkg.version;
}
