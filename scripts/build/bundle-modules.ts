// Reads a module manifest (module-manifest.ts): every chunk an entry loads, statically or lazily,
// and the worker-only store modules among their sources. No Rollup here, so tests load it cheaply.
import { WORKER_ONLY_STORE } from '../layers/layer-rules';

export interface ChunkModules {
  /** Chunks this chunk imports statically. */
  imports: string[];
  /** Chunks it may load later with import(). */
  dynamicImports: string[];
  /** Packages and Node built-ins it imports, left outside the bundle. */
  externals: string[];
  /** Source modules bundled into it, repository-relative. */
  modules: string[];
}

export type ModuleManifest = Record<string, ChunkModules>;

/** The entry and every chunk reachable from it. A chunk missing from the manifest is an error. */
export function chunksLoadedBy(manifest: ModuleManifest, entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let chunk = pending.pop(); chunk !== undefined; chunk = pending.pop()) {
    if (seen.has(chunk)) continue;
    const info = manifest[chunk];
    if (info === undefined) throw new Error(`${chunk} is not in the module manifest`);
    seen.add(chunk);
    pending.push(...info.imports, ...info.dynamicImports);
  }
  return [...seen].sort();
}

/** Packages only the store worker may load: the SQLite binding. */
export const WORKER_ONLY_PACKAGES: readonly string[] = ['better-sqlite3'];

export interface LeakedModule {
  chunk: string;
  module: string;
}

/**
 * Worker-only store modules (layer-rules.ts's WORKER_ONLY_STORE) bundled into what `entry`
 * loads, and worker-only packages it imports.
 */
export function workerOnlyModulesLoadedBy(manifest: ModuleManifest, entry: string): LeakedModule[] {
  const workerOnly = new RegExp(WORKER_ONLY_STORE);
  return chunksLoadedBy(manifest, entry).flatMap((chunk) => {
    const { modules = [], externals = [] } = manifest[chunk] ?? {};
    return [
      ...modules.filter((module) => workerOnly.test(module)),
      ...externals.filter((id) => WORKER_ONLY_PACKAGES.includes(id)),
    ].map((module) => ({ chunk, module }));
  });
}
