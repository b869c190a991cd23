// The BUILT main bundle (`npm run build`, out/main): every file parses, and the bundled pool
// worker out/main/engine-worker.js serves a real verification on TensorFlow.js wasm (the packaged
// station's fallback, which loads the tfjs and model-paths chunks) and on ONNX Runtime's CPU
// provider (the default). electron-vite adds a module-level `const require` to chunks that use
// require(…); a module declaring its own `require` then broke the wasm worker and the Electron
// main with "Identifier 'require' has already been declared".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFaceEngine, DEFAULT_POLICY } from '../../src-main/engine';
import type { RuntimeName } from '../../src-main/engine/runtime/runtime-names';
import { FACEDATA_ABSENT_MESSAGE, facedataAvailable, facedataPath } from '../support/facedata';
import { REPO_ROOT } from './support/browser-host-process';

const OUT_MAIN = join(REPO_ROOT, 'out/main');
const WORKER = join(OUT_MAIN, 'engine-worker.js');
const photo = (p: string): Uint8Array => new Uint8Array(readFileSync(facedataPath(p)));
const quiet = { info: () => undefined, warn: () => undefined };

describe('built main bundle', { timeout: 240_000 }, () => {
  it('was built (npm run build)', () => {
    expect(existsSync(WORKER), `${WORKER} is missing: run \`npm run build\``).toBe(true);
  });

  it('every file in out/main parses', () => {
    const files = readdirSync(OUT_MAIN, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(OUT_MAIN, f));
    expect(files.length).toBeGreaterThan(3);
    const failed = files
      .map((f) => ({ f, r: spawnSync(process.execPath, ['--check', f], { encoding: 'utf8' }) }))
      .filter(({ r }) => r.status !== 0)
      .map(({ f, r }) => `${f}: ${r.stderr.split('\n').find((l) => /Error/.test(l)) ?? ''}`);
    expect(failed).toEqual([]);
  });

  for (const backend of ['wasm', 'onnx-cpu'] satisfies RuntimeName[]) {
    it.skipIf(!facedataAvailable)(
      `engine-worker.js verifies a real photo on ${backend}${facedataAvailable ? '' : ` [SKIPPED: ${FACEDATA_ABSENT_MESSAGE}]`}`,
      async () => {
        const engine = await createFaceEngine({
          workerScript: WORKER,
          backend,
          workers: 1,
          threads: 1,
          loadSsd: false,
          logger: quiet,
        });
        try {
          expect(engine.diagnostics()).toMatchObject({ backend, workerScript: WORKER });
          const enrolled = await engine.enroll(
            photo('verification/deepface/angelina_jolie/img1.jpg'),
          );
          if (!enrolled.ok) throw new Error(`enrolment failed: ${enrolled.error.errorCode}`);
          const same = await engine.verify({
            faceImage: photo('verification/deepface/angelina_jolie/img2.jpg'),
            templates: [enrolled.template],
            policy: DEFAULT_POLICY,
          });
          expect(same).toMatchObject({ auth_status: 'approved' });
        } finally {
          await engine.close();
        }
      },
    );
  }
});
