// The experiment command says clearly when the face data is absent, before loading any model.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('scripts/fusion/run-experiment.ts', () => {
  // tsx compiles the script and its imports (onnxruntime, TensorFlow.js) first: seconds when loaded.
  it(
    'exits 2 with the missing labels file named when the face data is absent',
    { timeout: 60_000 },
    async () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'fusion-no-data-'));
      try {
        const failure = await run(
          process.execPath,
          ['--import', 'tsx', 'scripts/fusion/run-experiment.ts', '--data', empty],
          { cwd: path.resolve(import.meta.dirname, '../../../..') },
        ).then(
          () => undefined,
          (err: unknown) => err as { code: number; stdout: string; stderr: string },
        );
        expect(failure?.code).toBe(2);
        expect(failure?.stdout).toBe('');
        expect(failure?.stderr).toContain(`no face data at ${empty}`);
        expect(failure?.stderr).toContain(path.join(empty, 'labels.csv'));
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    },
  );
});
