// Where the pool's worker script is, and how to start it. From source (tsx, vitest) the entry is
// worker-entry.ts beside this file; a bundled build emits worker-entry.js there, or passes its
// own path (option `workerScript` or FACEAUTH_WORKER_SCRIPT).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function defaultWorkerScript(): string {
  const fromEnv = process.env.FACEAUTH_WORKER_SCRIPT;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const js = fileURLToPath(new URL('./worker-entry.js', import.meta.url));
  if (existsSync(js)) return js;
  return fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
}

/** tsx's ESM entry (its CJS twin cannot load the loader hooks from a worker's eval source). */
function resolveTsxEsmApi(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  // Test runners that rewrite import.meta lack resolve(); derive the .mjs from require's answer.
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

export interface WorkerStart {
  /** A file path, or source code when `evalSource` is true. */
  script: string;
  evalSource: boolean;
}

/**
 * A .js entry starts directly. A .ts entry needs tsx inside the worker, and on Node 20
 * `execArgv: ['--import', 'tsx']` does not reach a worker's own entry module ("Unknown file
 * extension .ts", measured on 20.20), so a two-line bootstrap registers tsx's loader in the
 * worker and then imports the entry. tsx is resolved here, so the worker's cwd does not matter.
 */
export function workerStart(scriptPath: string): WorkerStart {
  if (!scriptPath.endsWith('.ts')) return { script: scriptPath, evalSource: false };
  const tsxApi = resolveTsxEsmApi();
  const entry = pathToFileURL(scriptPath).href;
  return {
    script: `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(entry)});\n`,
    evalSource: true,
  };
}
