// `npm run setup` (scripts/install.mjs) installs from the npm registry alone on every OS: it runs
// `npm ci` with ONNXRUNTIME_NODE_INSTALL=skip (onnxruntime-node's install script would fetch the
// CUDA provider from outside the registry) and ELECTRON_SKIP_BINARY_DOWNLOAD=1, set in the child's
// environment by Node itself, not by a shell. A stand-in npm records what it was given.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceauth-setup-'));
const record = path.join(dir, 'npm-call.json');
const fakeNpm = path.join(dir, 'fake-npm-cli.mjs');
fs.writeFileSync(
  fakeNpm,
  `import fs from 'node:fs';
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  args: process.argv.slice(2),
  ort: process.env.ONNXRUNTIME_NODE_INSTALL,
  electron: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD,
}));`,
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run setup', () => {
  it('runs npm ci with the onnxruntime-node and Electron downloads switched off', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, npm_execpath: fakeNpm };
    delete env.ONNXRUNTIME_NODE_INSTALL;
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const run = spawnSync(process.execPath, ['scripts/install.mjs'], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const call = JSON.parse(fs.readFileSync(record, 'utf8')) as Record<string, unknown>;
    expect(call).toEqual({
      args: ['ci', '--no-audit', '--no-fund'],
      ort: 'skip',
      electron: '1',
    });
  });

  it("makes onnxruntime-node's own install script download nothing", () => {
    const pkg = createRequire(import.meta.url).resolve('onnxruntime-node/package.json');
    const script = path.join(path.dirname(pkg), 'script', 'install.js');
    const bin = path.join(path.dirname(pkg), 'bin');
    const before = fs.readdirSync(bin, { recursive: true }).sort();
    // An unreachable proxy: any download attempt would fail the script.
    const run = spawnSync(process.execPath, [script], {
      env: {
        ...process.env,
        ONNXRUNTIME_NODE_INSTALL: 'skip',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    expect(fs.readdirSync(bin, { recursive: true }).sort()).toEqual(before);
  });
});
