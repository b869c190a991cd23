import { describe, expect, it } from 'vitest';
import {
  selectBackend,
  type BackendEnvironment,
} from '../../../src-main/engine/backend/select-backend';

/** A fake tf whose backends succeed or fail as told, and which records what was tried. */
function fakeEnv(opts: { installed: string[]; brokenTf?: string[] }) {
  const tried: string[] = [];
  let current = 'none';
  const env: BackendEnvironment = {
    tf: {
      async setBackend(name) {
        tried.push(name);
        if (opts.brokenTf?.includes(name)) return false;
        current = name;
        return true;
      },
      async ready() {},
      getBackend: () => current,
    },
    async importModule(specifier) {
      if (!opts.installed.includes(specifier))
        throw new Error(`Cannot find package '${specifier}'`);
      return {};
    },
    async prepareWasm() {},
  };
  return { env, tried };
}

describe('backend selection', () => {
  // Issue 12 moved the native packages behind wasm (a last resort); these tests were updated
  // from the issue-3 order (tensorflow-gpu, tensorflow, wasm, cpu) on purpose.
  it('serves on wasm even when the native packages are installed', async () => {
    const { env, tried } = fakeEnv({
      installed: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'],
    });
    expect(await selectBackend(env)).toEqual({ backend: 'wasm', refused: [], forced: false });
    expect(tried).toEqual(['wasm']);
  });

  it('falls to tensorflow-gpu when wasm fails and its package loads', async () => {
    const { env } = fakeEnv({
      installed: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'],
      brokenTf: ['wasm'],
    });
    const choice = await selectBackend(env);
    expect(choice.backend).toBe('tensorflow-gpu');
    expect(choice.refused).toEqual([
      { backend: 'wasm', reason: "tf.setBackend('wasm') returned false" },
    ]);
  });

  it('uses tensorflow when wasm fails and only @tensorflow/tfjs-node is installed', async () => {
    const { env } = fakeEnv({ installed: ['@tensorflow/tfjs-node'], brokenTf: ['wasm'] });
    const choice = await selectBackend(env);
    expect(choice.backend).toBe('tensorflow');
    expect(choice.refused.map((r) => r.backend)).toEqual(['wasm', 'tensorflow-gpu']);
    expect(choice.refused[1]?.reason).toContain('@tensorflow/tfjs-node-gpu not available');
  });

  it('falls to cpu when wasm fails and no native package is installed', async () => {
    const { env } = fakeEnv({ installed: [], brokenTf: ['wasm'] });
    const choice = await selectBackend(env);
    expect(choice.backend).toBe('cpu');
    expect(choice.refused[0]).toEqual({
      backend: 'wasm',
      reason: "tf.setBackend('wasm') returned false",
    });
  });

  it('honours a forced backend and fails loudly if it cannot start', async () => {
    const { env } = fakeEnv({ installed: [] });
    const forced = await selectBackend(env, 'cpu');
    expect(forced.backend).toBe('cpu');
    expect(forced.forced).toBe(true);
    expect(forced.refused.map((r) => r.backend)).toEqual(['wasm', 'tensorflow-gpu', 'tensorflow']);
    await expect(selectBackend(env, 'tensorflow')).rejects.toThrow(/tfjs-node not available/);
    await expect(selectBackend(env, 'webgl')).rejects.toThrow(/not one of/);
  });

  it('reports every failure when nothing works', async () => {
    const { env } = fakeEnv({ installed: [], brokenTf: ['wasm', 'cpu'] });
    await expect(selectBackend(env)).rejects.toThrow(/no TensorFlow.js backend.*cpu/);
  });
});
