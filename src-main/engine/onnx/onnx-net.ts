// One converted network in an ONNX Runtime session. Which execution provider, how many threads and
// which thread drives the session are the caller's choice (see ../networks); the runners here only
// feed tensors in and read tensors out. onnxruntime-node is imported for its types only, so
// loading this module never loads the native binding (on machines without one the engine falls
// back to TensorFlow.js).
import type * as Ort from 'onnxruntime-node';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { EngineError } from '../errors/engine-error';

export type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor'>;

export interface OnnxNet {
  readonly session: InferenceSession;
  readonly Tensor: typeof Tensor;
}

export async function createOnnxNet(
  ort: OrtModule,
  modelPath: string,
  options: InferenceSession.SessionOptions = {},
): Promise<OnnxNet> {
  return { session: await ort.InferenceSession.create(modelPath, options), Tensor: ort.Tensor };
}

export interface FloatOutput {
  data: Float32Array;
  dims: readonly number[];
}

/** Runs a one-input network; every failure becomes the engine's model/runtime error. */
export async function runOnnx<K extends string>(
  net: OnnxNet,
  label: string,
  input: Float32Array,
  dims: readonly number[],
  outputs: readonly K[],
): Promise<Record<K, FloatOutput>> {
  let results: InferenceSession.ReturnType;
  try {
    results = await net.session.run({ image: new net.Tensor('float32', input, dims) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new EngineError('detection_server_error', `${label}: ONNX Runtime failed: ${message}`, {
      cause: err,
    });
  }
  const out = {} as Record<K, FloatOutput>;
  for (const name of outputs) {
    const t = results[name];
    if (t === undefined || !(t.data instanceof Float32Array)) {
      throw new EngineError('detection_server_error', `${label}: no float32 output '${name}'`);
    }
    out[name] = { data: t.data, dims: t.dims };
  }
  return out;
}

/** Input bytes as float32, after checking they are the size the network was converted for. */
export function rgbInput(label: string, patch: Uint8Array, side: number): Float32Array {
  if (patch.length !== side * side * 3) {
    throw new EngineError(
      'detection_server_error',
      `${label}: expected a ${side}x${side} RGB patch (${side * side * 3} bytes), got ${patch.length}`,
    );
  }
  return Float32Array.from(patch);
}
