// Provider selection on the real onnxruntime-node: the CPU provider serves on a machine without a
// GPU, every other provider is listed with why it was refused, and an accelerator that answers
// wrongly or crawls is not chosen. The last two wrap the real CPU session as a pretend "webgpu",
// since no real GPU can be made to misbehave on demand.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import {
  ACCELERATOR_SLACK_MS,
  chooseOnnxProvider,
  type OrtModule,
} from '../../../src-main/engine/runtime/onnx-providers';
import { probeInput, probeModelBytes } from '../../../src-main/engine/runtime/probe-model';

/** The real module, whose 'webgpu' is the CPU provider with its output or timing tampered with. */
function fakeAccelerator(tamper: { addToOutput?: number; delayMs?: number }): OrtModule {
  const create = async (
    model: Uint8Array,
    options: ort.InferenceSession.SessionOptions,
  ): Promise<ort.InferenceSession> => {
    const isFake = options.executionProviders?.[0] === 'webgpu';
    const session = await ort.InferenceSession.create(model, {
      ...options,
      executionProviders: ['cpu'],
    });
    if (!isFake) return session;
    const run = session.run.bind(session);
    return Object.assign(session, {
      run: async (feeds: ort.InferenceSession.FeedsType) => {
        const out = await run(feeds);
        if (tamper.delayMs !== undefined) await new Promise((r) => setTimeout(r, tamper.delayMs));
        const y = out.y?.data as Float32Array;
        if (tamper.addToOutput !== undefined) y[0] = (y[0] ?? 0) + tamper.addToOutput;
        return out;
      },
    });
  };
  return {
    ...ort,
    listSupportedBackends: () => [
      { name: 'cpu', bundled: true },
      { name: 'webgpu', bundled: true },
    ],
    InferenceSession: { create } as unknown as typeof ort.InferenceSession,
  };
}

describe('ONNX execution provider choice', () => {
  it('serves on a provider that started and lists every other one with its reason', async () => {
    const decision = await chooseOnnxProvider(ort, { threads: 2 });
    expect(decision.probes.map((p) => p.provider)).toEqual([
      'webgpu',
      'dml',
      'coreml',
      'cuda',
      'cpu',
    ]);
    const cpu = decision.probes.find((p) => p.provider === 'cpu');
    expect(cpu?.ok).toBe(true);
    expect(cpu?.warmUpMs).toBeGreaterThan(0);
    expect(decision.serves).toBeDefined();
    for (const p of decision.probes) {
      // A refusal always says why; a start always has a measured latency.
      if (p.ok) expect(p.warmUpMs).toBeGreaterThan(0);
      else expect(p.reason?.length).toBeGreaterThan(10);
    }
    if (process.platform === 'linux') {
      expect(decision.probes.find((p) => p.provider === 'dml')?.reason).toMatch(
        /not in onnxruntime-node's build/,
      );
    }
  });

  it('the probe model gives the same output on every CPU run', async () => {
    const session = await ort.InferenceSession.create(probeModelBytes());
    const feeds = { x: new ort.Tensor('float32', probeInput(), [1, 4, 48, 48]) };
    const a = Array.from((await session.run(feeds)).y?.data as Float32Array);
    const b = Array.from((await session.run(feeds)).y?.data as Float32Array);
    expect(a).toHaveLength(16);
    expect(a.some((v) => v !== 0)).toBe(true);
    expect(b).toEqual(a);
    await session.release();
  });

  it('prefers an accelerator that matches the CPU and is fast enough', async () => {
    const decision = await chooseOnnxProvider(fakeAccelerator({}), { threads: 2 });
    expect(decision.serves).toBe('webgpu');
    expect(decision.probes.find((p) => p.provider === 'cpu')?.ok).toBe(true);
  });

  it('refuses an accelerator whose output differs from the CPU', async () => {
    const decision = await chooseOnnxProvider(fakeAccelerator({ addToOutput: 0.01 }), {
      threads: 2,
    });
    expect(decision.serves).toBe('cpu');
    expect(decision.probes.find((p) => p.provider === 'webgpu')?.reason).toMatch(
      /differs from the CPU/,
    );
  });

  it('refuses an accelerator far slower than the CPU', async () => {
    const decision = await chooseOnnxProvider(
      fakeAccelerator({ delayMs: ACCELERATOR_SLACK_MS * 3 }),
      { threads: 2 },
    );
    expect(decision.serves).toBe('cpu');
    expect(decision.probes.find((p) => p.provider === 'webgpu')?.reason).toMatch(
      /slower than the CPU/,
    );
  });

  it('probes only the forced provider', async () => {
    const decision = await chooseOnnxProvider(ort, { threads: 1, only: 'cpu' });
    expect(decision.probes.map((p) => p.provider)).toEqual(['cpu']);
    expect(decision.serves).toBe('cpu');
  });
});
