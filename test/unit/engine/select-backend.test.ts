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
  it('prefers tensorflow-gpu when its package loads', async () => {
    const { env } = fakeEnv({ installed: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] });
    expect(await selectBackend(env)).toEqual({
      backend: 'tensorflow-gpu',
      refused: [],
      forced: false,
    });
  });

  it('falls to wasm and says why each better backend was refused', async () => {
    const { env, tried } = fakeEnv({ installed: [] });
    const choice = await selectBackend(env);
    expect(choice.backend).toBe('wasm');
    expect(choice.refused.map((r) => r.backend)).toEqual(['tensorflow-gpu', 'tensorflow']);
    expect(choice.refused[0]?.reason).toContain('@tensorflow/tfjs-node-gpu not available');
    expect(tried).toEqual(['wasm']);
  });

  it('uses tensorflow when only @tensorflow/tfjs-node is installed', async () => {
    const { env } = fakeEnv({ installed: ['@tensorflow/tfjs-node'] });
    const choice = await selectBackend(env);
    expect(choice.backend).toBe('tensorflow');
    expect(choice.refused).toHaveLength(1);
  });

  it('falls to cpu when wasm fails to initialise', async () => {
    const { env } = fakeEnv({ installed: [], brokenTf: ['wasm'] });
    const choice = await selectBackend(env);
    expect(choice.backend).toBe('cpu');
    expect(choice.refused[2]).toEqual({
      backend: 'wasm',
      reason: "tf.setBackend('wasm') returned false",
    });
  });

  it('honours a forced backend and fails loudly if it cannot start', async () => {
    const { env } = fakeEnv({ installed: [] });
    const forced = await selectBackend(env, 'cpu');
    expect(forced.backend).toBe('cpu');
    expect(forced.forced).toBe(true);
    expect(forced.refused.map((r) => r.backend)).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm']);
    await expect(selectBackend(env, 'tensorflow')).rejects.toThrow(/tfjs-node not available/);
    await expect(selectBackend(env, 'webgl')).rejects.toThrow(/not one of/);
  });

  it('reports every failure when nothing works', async () => {
    const { env } = fakeEnv({ installed: [], brokenTf: ['wasm', 'cpu'] });
    await expect(selectBackend(env)).rejects.toThrow(/no TensorFlow.js backend.*cpu/);
  });
});
