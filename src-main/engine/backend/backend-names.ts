// TensorFlow.js backends, the engine's fallback behind ONNX Runtime (../runtime), in the order
// they are tried. Issue 12: wasm first (it always installs and is what the fallback was measured
// on); the native packages (@tensorflow/tfjs-node[-gpu]: libtensorflow 2.9, CUDA 11.2, prebuilt
// bindings that break on Node >= 22) only as a last resort where someone installed them; they
// live in optional dependencies and are tried with a caught import; plain cpu last of all.
export const BACKEND_ORDER = ['wasm', 'tensorflow-gpu', 'tensorflow', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(value);
}

export interface BackendRefusal {
  backend: BackendName;
  reason: string;
}

export interface BackendChoice {
  backend: BackendName;
  /** Backends better than the chosen one, each with why it was not used. */
  refused: BackendRefusal[];
  /** True when FACEAUTH_BACKEND (or the option) forced the choice. */
  forced: boolean;
}
