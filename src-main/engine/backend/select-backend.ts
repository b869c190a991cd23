// Picks the best TensorFlow.js backend that actually initialises, and records why each better one
// was refused, so that diagnostics can say "wasm, because @tensorflow/tfjs-node is not installed".
import {
  BACKEND_ORDER,
  isBackendName,
  type BackendChoice,
  type BackendName,
  type BackendRefusal,
} from './backend-names';

/** The part of tf the selection needs; injected so that the order logic is testable. */
export interface TfBackendControl {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}

export interface BackendEnvironment {
  tf: TfBackendControl;
  /** Imports a module by name; rejects when it is absent or fails to load its native library. */
  importModule(specifier: string): Promise<unknown>;
  /** Called before the wasm backend initialises (sets the .wasm file paths on disk). */
  prepareWasm(): Promise<void>;
}

/** The npm module that registers each native backend, and the tf name it registers. */
const NATIVE_MODULES: Partial<Record<BackendName, string>> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};
const TF_NAMES: Record<BackendName, string> = {
  'tensorflow-gpu': 'tensorflow',
  tensorflow: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};

function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const firstLine = text.split('\n')[0] ?? text;
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}

async function tryBackend(name: BackendName, env: BackendEnvironment): Promise<void> {
  const nativeModule = NATIVE_MODULES[name];
  if (nativeModule !== undefined) {
    try {
      await env.importModule(nativeModule);
    } catch (err) {
      throw new Error(`${nativeModule} not available: ${reasonOf(err)}`, { cause: err });
    }
  }
  if (name === 'wasm') await env.prepareWasm();
  const ok = await env.tf.setBackend(TF_NAMES[name]);
  if (!ok) throw new Error(`tf.setBackend('${TF_NAMES[name]}') returned false`);
  await env.tf.ready();
  if (env.tf.getBackend() !== TF_NAMES[name]) {
    throw new Error(`tf reports backend ${env.tf.getBackend()} after selecting ${TF_NAMES[name]}`);
  }
}

/**
 * Tries the backends in order (or only the forced one) and returns the first that initialises.
 * A forced backend that fails is an error: silently running on another one would hide a
 * misconfiguration and change timings.
 */
export async function selectBackend(
  env: BackendEnvironment,
  forced?: string,
): Promise<BackendChoice> {
  if (forced !== undefined && forced !== '') {
    if (!isBackendName(forced)) {
      throw new Error(`FACEAUTH_BACKEND=${forced} is not one of ${BACKEND_ORDER.join(', ')}`);
    }
    await tryBackend(forced, env);
    const refused: BackendRefusal[] = BACKEND_ORDER.slice(0, BACKEND_ORDER.indexOf(forced)).map(
      (backend) => ({ backend, reason: `not tried: FACEAUTH_BACKEND=${forced}` }),
    );
    return { backend: forced, refused, forced: true };
  }
  const refused: BackendRefusal[] = [];
  for (const backend of BACKEND_ORDER) {
    try {
      await tryBackend(backend, env);
      return { backend, refused, forced: false };
    } catch (err) {
      refused.push({ backend, reason: reasonOf(err) });
    }
  }
  throw new Error(
    `no TensorFlow.js backend initialised: ${refused.map((r) => `${r.backend}: ${r.reason}`).join('; ')}`,
  );
}
