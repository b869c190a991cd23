// Start-up of a worker's networks: ONNX Runtime first, on the provider chooseOnnxProvider picks,
// then TensorFlow.js (wasm; the native packages as a last resort) when onnxruntime-node has no
// binary for this machine, fails to start, or its face models cannot load. Every runtime tried is
// recorded with its warm-up latency or refusal reason. FACEAUTH_BACKEND (or the option) forces
// one runtime and fails if it cannot start: silently running on another would hide a
// misconfiguration and change timings.
import os from 'node:os';
import type * as Ort from 'onnxruntime-node';
import type { BackendName, BackendRefusal } from '../backend/backend-names';
import type { FaceNetworks } from '../networks/face-networks';
import type { FaceRuntime } from '../networks/tfjs/tfjs-runtime';
import { chooseOnnxProvider, sessionOptionsFor, type OrtModule } from './onnx-providers';
import { providerUnavailable } from './provider-presence';
import {
  ONNX_PROVIDERS,
  RUNTIME_ORDER,
  isRuntimeName,
  onnxProviderOf,
  reasonOf,
  type OnnxProvider,
  type RuntimeChoice,
  type RuntimeName,
  type RuntimeTrial,
} from './runtime-names';

export interface EngineRuntimeOptions {
  /** A RuntimeName to force (else FACEAUTH_BACKEND, else the best that starts). */
  backend?: string;
  /** face-api weights (TensorFlow.js). */
  modelDir?: string;
  /** The converted .onnx models (ONNX Runtime). */
  onnxModelDir?: string;
  wasmDir?: string;
  /** Also load SsdMobilenetv1 (last-resort detector; the bench's stock pipeline). */
  loadSsd?: boolean;
  /** Also load BlazeFace, the covered-face stage (default true). */
  loadCovered?: boolean;
  /** Intra-op threads of the CPU provider; default one per core. */
  threads?: number;
}

/** Loads the converted face models into sessions made with `session` (../onnx/). */
export type OnnxNetworksLoader = (
  ort: OrtModule,
  session: Ort.InferenceSession.SessionOptions,
  options: { modelDir?: string; loadSsd: boolean; loadCovered: boolean },
) => Promise<FaceNetworks>;

export interface RuntimeEnvironment {
  /** Imports onnxruntime-node; rejects where it has no binary or its library fails to load. */
  importOrt(): Promise<OrtModule>;
  loadOnnxNetworks: OnnxNetworksLoader;
  /** TensorFlow.js through face-api, on `options.backend` or the best tfjs backend. */
  loadTfjs(options: EngineRuntimeOptions): Promise<{ rt: FaceRuntime; nets: FaceNetworks }>;
}

export interface LoadedNetworks {
  nets: FaceNetworks;
  choice: RuntimeChoice;
  modelLoadMs: number;
  /** Present when TensorFlow.js serves: face-api itself, for the bench's stock pipeline. */
  tfjs?: FaceRuntime;
}

const onnxName = (p: OnnxProvider): RuntimeName => `onnx-${p}`;

async function tryOnnx(
  env: RuntimeEnvironment,
  options: EngineRuntimeOptions,
  only: OnnxProvider | undefined,
  trials: RuntimeTrial[],
): Promise<(Omit<LoadedNetworks, 'choice'> & { runtime: RuntimeName }) | undefined> {
  const providers = only === undefined ? [...ONNX_PROVIDERS] : [only];
  let ort: OrtModule;
  try {
    ort = await env.importOrt();
  } catch (err) {
    const reason = `onnxruntime-node not available: ${reasonOf(err)}`;
    for (const p of providers) trials.push({ runtime: onnxName(p), outcome: 'refused', reason });
    return undefined;
  }
  const threads = options.threads ?? Math.max(1, os.availableParallelism());
  const decision = await chooseOnnxProvider(ort, {
    threads,
    unavailable: (provider) => providerUnavailable(provider),
    ...(only ? { only } : {}),
  });
  const candidates = decision.probes.filter((p) => p.ok).map((p) => p.provider);
  let served: Omit<LoadedNetworks, 'choice'> | undefined;
  let servedBy: OnnxProvider | undefined;
  const loadFailures = new Map<OnnxProvider, string>();
  for (const provider of candidates) {
    const started = performance.now();
    try {
      const nets = await env.loadOnnxNetworks(ort, sessionOptionsFor(provider, threads), {
        ...(options.onnxModelDir === undefined ? {} : { modelDir: options.onnxModelDir }),
        loadSsd: options.loadSsd ?? true,
        loadCovered: options.loadCovered ?? true,
      });
      served = { nets, modelLoadMs: performance.now() - started };
      servedBy = provider;
      break;
    } catch (err) {
      loadFailures.set(provider, `face models failed to load: ${reasonOf(err)}`);
    }
  }
  for (const probe of decision.probes) {
    const runtime = onnxName(probe.provider);
    const warm = probe.warmUpMs === undefined ? {} : { warmUpMs: probe.warmUpMs };
    const failed = loadFailures.get(probe.provider);
    if (!probe.ok) trials.push({ runtime, outcome: 'refused', reason: probe.reason ?? 'refused' });
    else if (failed !== undefined)
      trials.push({ runtime, outcome: 'refused', ...warm, reason: failed });
    else if (probe.provider === servedBy) trials.push({ runtime, outcome: 'serves', ...warm });
    else if (
      servedBy === undefined ||
      candidates.indexOf(probe.provider) < candidates.indexOf(servedBy)
    )
      trials.push({ runtime, outcome: 'refused', ...warm, reason: 'not loaded' });
    else trials.push({ runtime, outcome: 'started', ...warm });
  }
  return served === undefined || servedBy === undefined
    ? undefined
    : { ...served, runtime: onnxName(servedBy) };
}

function tfjsTrials(
  backend: BackendName,
  refused: readonly BackendRefusal[],
  forced: string | undefined,
): RuntimeTrial[] {
  return RUNTIME_ORDER.filter((r) => onnxProviderOf(r) === undefined).map((runtime) => {
    if (runtime === backend) return { runtime, outcome: 'serves' };
    const r = refused.find((x) => x.backend === runtime);
    if (r !== undefined) {
      return forced !== undefined
        ? { runtime, outcome: 'not-tried', reason: `FACEAUTH_BACKEND=${forced}` }
        : { runtime, outcome: 'refused', reason: r.reason };
    }
    return { runtime, outcome: 'not-tried', reason: `${backend} serves` };
  });
}

export async function loadNetworks(
  options: EngineRuntimeOptions,
  env: RuntimeEnvironment,
): Promise<LoadedNetworks> {
  const requested = options.backend ?? process.env.FACEAUTH_BACKEND ?? '';
  if (requested !== '' && !isRuntimeName(requested)) {
    throw new Error(`FACEAUTH_BACKEND=${requested} is not one of ${RUNTIME_ORDER.join(', ')}`);
  }
  const forced = requested === '' ? undefined : requested;
  const forcedProvider = forced === undefined ? undefined : onnxProviderOf(forced);
  const trials: RuntimeTrial[] = [];
  if (forced === undefined || forcedProvider !== undefined) {
    const onnx = await tryOnnx(env, options, forcedProvider, trials);
    if (onnx !== undefined) {
      const { runtime, ...loaded } = onnx;
      for (const fallback of RUNTIME_ORDER.filter((r) => onnxProviderOf(r) === undefined)) {
        trials.push({ runtime: fallback, outcome: 'not-tried', reason: `${runtime} serves` });
      }
      return { ...loaded, choice: { runtime, trials, forced: forced !== undefined } };
    }
    if (forced !== undefined) {
      const reason = trials.find((t) => t.runtime === forced)?.reason ?? 'refused';
      throw new Error(`FACEAUTH_BACKEND=${forced} cannot start: ${reason}`);
    }
  } else {
    for (const p of ONNX_PROVIDERS) {
      trials.push({
        runtime: onnxName(p),
        outcome: 'not-tried',
        reason: `FACEAUTH_BACKEND=${forced}`,
      });
    }
  }
  const { rt, nets } = await env.loadTfjs({ ...options, ...(forced ? { backend: forced } : {}) });
  trials.push(...tfjsTrials(rt.backend.backend, rt.backend.refused, forced));
  return {
    nets,
    tfjs: rt,
    modelLoadMs: rt.modelLoadMs,
    choice: { runtime: rt.backend.backend, trials, forced: forced !== undefined },
  };
}
