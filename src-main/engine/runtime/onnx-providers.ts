// Tries each ONNX Runtime execution provider on the probe model and picks the one to serve.
// Rule: the CPU provider is tried first and is the reference; then each accelerator this build of
// onnxruntime-node lists (WebGPU, DirectML on Windows, CoreML on macOS, CUDA where installed). An
// accelerator serves when it starts, gives the CPU's output within PROBE_TOLERANCE and runs the
// probe at most ACCELERATOR_SLACK_MS slower than the CPU: a GPU's per-run dispatch floor is a
// few milliseconds (../shared/gpu-recipe.md), a price worth paying to leave the cores to the
// preview and decoding, but a software adapter that crawls is not. Otherwise the CPU serves.
import type * as Ort from 'onnxruntime-node';
import { probeInput, probeModelBytes, PROBE_INPUT_SHAPE } from './probe-model';
import { ONNX_PROVIDERS, reasonOf, type OnnxProvider } from './runtime-names';

export type OrtModule = typeof Ort;

export const PROBE_TOLERANCE = 1e-4;
export const ACCELERATOR_SLACK_MS = 10;
/** A provider whose session does not start within this is refused (a hung driver). */
const START_TIMEOUT_MS = 15_000;
const TIMED_RUNS = 5;

export interface ProviderProbe {
  provider: OnnxProvider;
  ok: boolean;
  /** Median of TIMED_RUNS probe runs after the first. */
  warmUpMs?: number;
  reason?: string;
  output?: Float32Array;
}

export interface ProbeOptions {
  /** Intra-op threads for CPU sessions (the process model: one worker, threads = cores). */
  threads: number;
  /** Probe only these providers (FACEAUTH_BACKEND=onnx-…); default all, in ONNX_PROVIDERS order. */
  only?: OnnxProvider;
  /** Why a provider cannot start here without trying it (provider-presence.ts); default none. */
  unavailable?: (provider: OnnxProvider) => string | undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** Session options for a provider: CPU sessions get the intra-op threads, others their default. */
export function sessionOptionsFor(
  provider: OnnxProvider,
  threads: number,
): Ort.InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    graphOptimizationLevel: 'all',
    // Sequential: one request at a time per session; parallelism comes from intra-op threads.
    executionMode: 'sequential',
    intraOpNumThreads: provider === 'cpu' ? threads : 1,
    interOpNumThreads: 1,
    // No CPU memory arena: it keeps every session's peak activations for good (SsdMobilenetv1 at
    // 512 px alone: +66 MB measured, per worker), while the allocations it saves are a few per
    // run of batch-1 networks. Memory patterns stay on (planned once per input shape).
    enableCpuMemArena: false,
  };
}

async function probeOne(
  ort: OrtModule,
  provider: OnnxProvider,
  threads: number,
): Promise<ProviderProbe> {
  const listed = ort.listSupportedBackends().find((b) => b.name === provider);
  if (listed === undefined) {
    return {
      provider,
      ok: false,
      reason: `not in onnxruntime-node's build for ${process.platform}-${process.arch}`,
    };
  }
  let session: Ort.InferenceSession | undefined;
  try {
    session = await withTimeout(
      // Fatal-only logging: a refusal is expected on most desks and is reported in diagnostics,
      // not as an error dump on stderr.
      ort.InferenceSession.create(probeModelBytes(), {
        ...sessionOptionsFor(provider, threads),
        logSeverityLevel: 4,
      }),
      START_TIMEOUT_MS,
      `${provider} session start`,
    );
    const feeds = { x: new ort.Tensor('float32', probeInput(), [...PROBE_INPUT_SHAPE]) };
    let output = (await session.run(feeds)).y?.data;
    const times: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) {
      const started = performance.now();
      output = (await session.run(feeds)).y?.data;
      times.push(performance.now() - started);
    }
    if (!(output instanceof Float32Array)) throw new Error('probe gave no float32 output');
    return { provider, ok: true, warmUpMs: median(times), output };
  } catch (err) {
    const prefix = listed.bundled ? '' : 'not bundled with onnxruntime-node and not installed: ';
    return { provider, ok: false, reason: prefix + reasonOf(stripSourceLocation(err)) };
  } finally {
    await session?.release().catch(() => undefined);
  }
}

/** ONNX Runtime prefixes its messages with a source path and a failed check ("/onnxruntime_src/
 *  …/webgpu_context.cc:136 … <lambda()> adapter_result.status == … was false. Failed to get a
 *  WebGPU adapter: …"); the operator needs only what follows. */
function stripSourceLocation(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^\/\S+:\d+ [\s\S]*? was false\. /, '');
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? NaN))), 0);
}

export interface ProviderDecision {
  /** The provider that serves, or undefined when none started (fall back to TensorFlow.js). */
  serves?: OnnxProvider;
  probes: ProviderProbe[];
}

export async function chooseOnnxProvider(
  ort: OrtModule,
  options: ProbeOptions,
): Promise<ProviderDecision> {
  const order: OnnxProvider[] =
    options.only !== undefined
      ? [options.only]
      : ['cpu', ...ONNX_PROVIDERS.filter((p) => p !== 'cpu')];
  const probes: ProviderProbe[] = [];
  for (const provider of order) {
    const absent = options.unavailable?.(provider);
    probes.push(
      absent === undefined
        ? await probeOne(ort, provider, options.threads)
        : { provider, ok: false, reason: absent },
    );
  }
  const cpu = probes.find((p) => p.provider === 'cpu');
  for (const probe of probes) {
    if (!probe.ok || probe.provider === 'cpu' || cpu === undefined) continue;
    // Judged against the CPU only when the CPU was probed too (not when one provider is forced).
    if (!cpu.ok || cpu.output === undefined || probe.output === undefined) continue;
    const diff = maxAbsDiff(probe.output, cpu.output);
    if (!(diff <= PROBE_TOLERANCE)) {
      Object.assign(probe, {
        ok: false,
        reason: `output differs from the CPU provider's by ${diff.toExponential(2)}`,
      });
    } else if ((probe.warmUpMs ?? Infinity) > (cpu.warmUpMs ?? 0) + ACCELERATOR_SLACK_MS) {
      Object.assign(probe, {
        ok: false,
        reason: `probe ${probe.warmUpMs?.toFixed(1)} ms vs CPU ${cpu.warmUpMs?.toFixed(1)} ms: slower than the CPU by more than ${ACCELERATOR_SLACK_MS} ms`,
      });
    }
  }
  const ranked = [...probes].sort(
    (a, b) => ONNX_PROVIDERS.indexOf(a.provider) - ONNX_PROVIDERS.indexOf(b.provider),
  );
  return { serves: ranked.find((p) => p.ok)?.provider, probes: ranked };
}
