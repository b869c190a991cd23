// Runtime selection on real parts (issue 12): onnxruntime-node with the converted face models,
// TensorFlow.js wasm with face-api's weights. The engine serves on ONNX Runtime where it starts,
// lists every runtime tried with its warm-up latency or refusal reason, falls back to wasm when
// onnxruntime-node cannot be imported or its models cannot load, and fails clearly when a forced
// runtime cannot start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  createFaceEngine,
  DEFAULT_POLICY,
  EngineUnavailableError,
  type FaceEngine,
} from '../../../src-main/engine';
import { HAS_FACEDATA, photo, SKIP_NOTE } from './facedata-guard';
import { tfjsNetworks } from '../../../src-main/engine/networks/tfjs/tfjs-networks';
import { loadFaceRuntime } from '../../../src-main/engine/networks/tfjs/tfjs-runtime';
import {
  loadNetworks,
  type RuntimeEnvironment,
} from '../../../src-main/engine/runtime/load-networks';
import { loadOnnxFaceNetworks } from '../../../src-main/engine/runtime/onnx-loader';
import { RUNTIME_ORDER } from '../../../src-main/engine/runtime/runtime-names';

const realEnv: RuntimeEnvironment = {
  importOrt: async () => ort,
  loadOnnxNetworks: loadOnnxFaceNetworks,
  async loadTfjs(options) {
    const rt = await loadFaceRuntime(options);
    return { rt, nets: tfjsNetworks(rt) };
  },
};
const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceauth-no-onnx-'));
const engines: FaceEngine[] = [];
const quiet = { info: () => undefined, warn: () => undefined };

afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  fs.rmSync(emptyDir, { recursive: true, force: true });
});

// Engines start workers and ONNX sessions: seconds each on a loaded 2-core machine.
describe('runtime selection', { timeout: 180_000 }, () => {
  it('serves on ONNX Runtime and lists every runtime', async () => {
    const engine = await createFaceEngine({
      logger: quiet,
      loadSsd: false,
      workers: 2,
      threads: 2,
    });
    engines.push(engine);
    const d = engine.diagnostics();
    expect(d.backend).toMatch(/^onnx-/);
    // Process model (runtime/process-model.ts): two single-thread CPU workers, or one worker
    // driving an accelerator.
    expect(d.workers).toBe(d.backend === 'onnx-cpu' ? 2 : 1);
    expect(d.threads).toBe(1);
    expect(d.providers.map((t) => t.runtime)).toEqual(RUNTIME_ORDER);
    const serving = d.providers.filter((t) => t.outcome === 'serves');
    expect(serving.map((t) => t.runtime)).toEqual([d.backend]);
    expect(serving[0]?.warmUpMs).toBeGreaterThan(0);
    for (const t of d.providers.filter((x) => x.outcome === 'refused')) {
      expect(t.reason?.length).toBeGreaterThan(10);
    }
    // The same refusals, in the short form Settings and the start-up log have always shown.
    expect(d.refused.map((r) => r.backend)).toEqual(
      d.providers.filter((t) => t.outcome === 'refused').map((t) => t.runtime),
    );
  });

  it('falls back to TensorFlow.js wasm when onnxruntime-node cannot be loaded', async () => {
    const loaded = await loadNetworks(
      { loadSsd: false, backend: '' },
      { ...realEnv, importOrt: () => Promise.reject(new Error('no binary for darwin-x64')) },
    );
    expect(loaded.choice.runtime).toBe('wasm');
    expect(loaded.tfjs).toBeDefined();
    const onnxCpu = loaded.choice.trials.find((t) => t.runtime === 'onnx-cpu');
    expect(onnxCpu).toEqual({
      runtime: 'onnx-cpu',
      outcome: 'refused',
      reason: 'onnxruntime-node not available: no binary for darwin-x64',
    });
    const blank = new Uint8Array(150 * 150 * 3);
    expect((await loaded.nets.recognitionTrunk(blank, 150)).embedding).toHaveLength(128);
  });

  it('falls back to wasm when the ONNX face models are missing, and says so', async () => {
    const loaded = await loadNetworks(
      { loadSsd: false, backend: '', onnxModelDir: emptyDir },
      realEnv,
    );
    expect(loaded.choice.runtime).toBe('wasm');
    const onnxCpu = loaded.choice.trials.find((t) => t.runtime === 'onnx-cpu');
    expect(onnxCpu?.outcome).toBe('refused');
    expect(onnxCpu?.reason).toMatch(/face models failed to load/);
    expect(onnxCpu?.warmUpMs).toBeGreaterThan(0);
  });

  it('forced wasm serves on wasm without trying ONNX Runtime', async () => {
    const loaded = await loadNetworks(
      { loadSsd: false, backend: 'wasm' },
      {
        ...realEnv,
        importOrt: () => Promise.reject(new Error('must not be imported')),
      },
    );
    expect(loaded.choice).toMatchObject({ runtime: 'wasm', forced: true });
    expect(loaded.choice.trials.find((t) => t.runtime === 'onnx-cpu')).toEqual({
      runtime: 'onnx-cpu',
      outcome: 'not-tried',
      reason: 'FACEAUTH_BACKEND=wasm',
    });
  });

  it.skipIf(!HAS_FACEDATA)(
    `FACEAUTH_BACKEND=wasm runs the whole engine on the fallback and approves the same person${SKIP_NOTE}`,
    async () => {
      vi.stubEnv('FACEAUTH_BACKEND', 'wasm');
      try {
        const engine = await createFaceEngine({ logger: quiet, loadSsd: false, workers: 1 });
        engines.push(engine);
        const d = engine.diagnostics();
        expect(d).toMatchObject({ backend: 'wasm', forced: true, threads: null });
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
        vi.unstubAllEnvs();
      }
    },
  );

  it('a forced runtime that cannot start fails the engine with its reason', async () => {
    await expect(
      createFaceEngine({
        logger: quiet,
        loadSsd: false,
        backend: 'onnx-cpu',
        onnxModelDir: emptyDir,
      }),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof EngineUnavailableError &&
        /FACEAUTH_BACKEND=onnx-cpu cannot start: face models failed to load/.test(e.message),
    );
    await expect(
      loadNetworks({ backend: 'onnx-coreml' }, realEnv).catch((e: unknown) => String(e)),
    ).resolves.toMatch(
      process.platform === 'darwin'
        ? /./
        : /onnx-coreml cannot start: not in onnxruntime-node's build/,
    );
  });

  it('an unknown FACEAUTH_BACKEND is refused with the list of valid ones', async () => {
    await expect(loadNetworks({ backend: 'webgl' }, realEnv)).rejects.toThrow(
      /FACEAUTH_BACKEND=webgl is not one of onnx-webgpu, .*wasm/,
    );
  });
});
