// The BUILT main bundle (`npm run build`, out/main) holds no store-worker-only module and does
// not import better-sqlite3: SQL, the SQLite binding, the cipher and the worker's services run
// only in out/main/store-worker.js.
// The main build writes out/main/module-manifest.json (scripts/build/module-manifest.ts): the
// source modules in each chunk. A main-side import of such a module, direct or through shared
// code, puts it into a chunk index.js loads and fails this test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chunksLoadedBy,
  workerOnlyModulesLoadedBy,
  type ModuleManifest,
} from '../../scripts/build/bundle-modules';
import { MODULE_MANIFEST_FILE } from '../../scripts/build/module-manifest';
import { REPO_ROOT } from './support/browser-host-process';

const MANIFEST = join(REPO_ROOT, 'out/main', MODULE_MANIFEST_FILE);

function readManifest(): ModuleManifest {
  expect(existsSync(MANIFEST), `${MANIFEST} is missing: run \`npm run build\``).toBe(true);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as ModuleManifest;
}

describe('built main bundle: no store-worker-only module', () => {
  it('index.js and every chunk it loads hold no worker-only store module', () => {
    const manifest = readManifest();
    expect(chunksLoadedBy(manifest, 'index.js').length).toBeGreaterThan(1);
    expect(workerOnlyModulesLoadedBy(manifest, 'index.js')).toEqual([]);
  });

  it('the check can see them: store-worker.js holds the queries, migrations and cipher', () => {
    const modules = workerOnlyModulesLoadedBy(readManifest(), 'store-worker.js').map(
      (leak) => leak.module,
    );
    expect(modules).toEqual(
      expect.arrayContaining([
        'src-main/database/db/sql.ts',
        'src-main/database/queries/outbox.ts',
        'src-main/database/migrations/runner.ts',
        'src-main/database/crypto/biometric-cipher.ts',
        'src-main/store/services/submissions.ts',
        'src-main/store/worker/handlers.ts',
        'better-sqlite3',
      ]),
    );
  });
});
