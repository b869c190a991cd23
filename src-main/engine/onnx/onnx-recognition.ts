// FaceRecognitionNet on ONNX Runtime: the 128-D descriptor plus the activations the attribute
// checks read, from the same 150 px RGB chip the TensorFlow.js trunk takes. The model does
// face-api's normalisation itself (mean RGB subtracted, divided by 255).
import type { TrunkFeatures } from '../networks/face-networks';
import { EngineError } from '../errors/engine-error';
import { rgbInput, runOnnx, type OnnxNet } from './onnx-net';

/** The side the network was converted for (face-api's 150 px aligned chip). */
export const RECOGNITION_SIDE = 150;

export async function onnxRecognitionTrunk(
  net: OnnxNet,
  patch: Uint8Array,
  size: number,
): Promise<TrunkFeatures> {
  if (size !== RECOGNITION_SIDE) {
    throw new EngineError(
      'detection_server_error',
      `recognition network: converted for ${RECOGNITION_SIDE} px chips, got ${size}`,
    );
  }
  const input = rgbInput('recognition network', patch, size);
  const out = await runOnnx(net, 'recognition network', input, [1, size, size, 3], [
    'rows128',
    'mean256',
    'embedding',
  ] as const);
  if (out.embedding.data.length !== 128 || out.mean256.data.length !== 256) {
    throw new EngineError('detection_server_error', 'recognition network returned no features');
  }
  return {
    rows128: out.rows128.data,
    rows: out.rows128.data.length / 128,
    mean256: out.mean256.data,
    embedding: out.embedding.data,
  };
}
