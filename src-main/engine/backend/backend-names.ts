// TensorFlow.js backends the engine can run on, best first (issue 3: tensorflow-gpu, tensorflow,
// wasm, cpu). The native ones live in optional dependencies so that an install never fails for
// their sake; they are tried with a caught import.
export const BACKEND_ORDER = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
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
