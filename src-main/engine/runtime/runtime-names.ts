// Every runtime the engine can serve its networks with, best first (issue 12): ONNX Runtime with
// each execution provider it may start (accelerators before the CPU, because a GPU leaves the
// desk's few cores to decoding, alignment and the live preview), then TensorFlow.js (wasm, and
// the optional native packages as a last resort; see ../backend/select-backend.ts).
import { BACKEND_ORDER, isBackendName, type BackendName } from '../backend/backend-names';

/** onnxruntime-node's execution provider names, accelerators first. */
export const ONNX_PROVIDERS = ['webgpu', 'dml', 'coreml', 'cuda', 'cpu'] as const;
export type OnnxProvider = (typeof ONNX_PROVIDERS)[number];
export type OnnxRuntimeName = `onnx-${OnnxProvider}`;
export type RuntimeName = OnnxRuntimeName | BackendName;

export const RUNTIME_ORDER: readonly RuntimeName[] = [
  ...ONNX_PROVIDERS.map((p): OnnxRuntimeName => `onnx-${p}`),
  ...BACKEND_ORDER,
];

export function isRuntimeName(value: string): value is RuntimeName {
  return (RUNTIME_ORDER as readonly string[]).includes(value);
}

export function onnxProviderOf(name: RuntimeName): OnnxProvider | undefined {
  if (isBackendName(name)) return undefined;
  return name.slice('onnx-'.length) as OnnxProvider;
}

/**
 * What happened to one runtime at start-up. `serves`: the one in use; `started`: worked but a
 * better one serves; `refused`: failed to start (reason says why); `not-tried`: skipped because a
 * better one serves or FACEAUTH_BACKEND forced another.
 */
export interface RuntimeTrial {
  runtime: RuntimeName;
  outcome: 'serves' | 'started' | 'refused' | 'not-tried';
  /** Median run of the probe model after its first run (ONNX providers only). */
  warmUpMs?: number;
  reason?: string;
}

export interface RuntimeChoice {
  runtime: RuntimeName;
  trials: RuntimeTrial[];
  /** True when FACEAUTH_BACKEND (or the option) forced the choice. */
  forced: boolean;
}

/** First line of an error, at most 200 characters: enough for a diagnostics line. */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}

/** The short form diagnostics have always shown: what serves, and why each better one did not. */
export interface RuntimeSummary {
  backend: RuntimeName;
  refused: { backend: RuntimeName; reason: string }[];
  forced: boolean;
}

export function summarizeChoice(choice: RuntimeChoice): RuntimeSummary {
  const refused = choice.trials
    .filter((t) => t.outcome === 'refused' || (t.outcome === 'not-tried' && choice.forced))
    .filter((t) => RUNTIME_ORDER.indexOf(t.runtime) < RUNTIME_ORDER.indexOf(choice.runtime))
    .map((t) => ({ backend: t.runtime, reason: t.reason ?? t.outcome }));
  return { backend: choice.runtime, refused, forced: choice.forced };
}
