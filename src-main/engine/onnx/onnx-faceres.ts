// human's face description network ("faceres") on ONNX Runtime (converted by
// `npm run models:onnx` from @vladmandic/human's faceres.json): a 224 x 224 RGB crop of an
// aligned face, raw 0-255 as human feeds it, in; the 1024-D descriptor (global average pool) and
// the gender and age heads out. A second recognition network for the similarity-fusion
// experiment of issue 13.
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { EngineError } from '../errors/engine-error';
import { defaultOnnxModelDir } from './onnx-model-paths';
import { createOnnxNet, rgbInput, runOnnx, type OnnxNet, type OrtModule } from './onnx-net';

export const FACERES_ONNX_FILE = 'faceres.onnx';
export const FACERES_INPUT = 224;
export const FACERES_DESCRIPTOR = 1024;
const LABEL = 'face description network (ONNX)';

export interface FaceResResult {
  descriptor: Float32Array;
  /** Sigmoid output: above 0.5 reads male, as human reads it. */
  gender: number;
  /** Softmax over 100 age bins. */
  age: Float32Array;
}

export interface FaceResNet {
  readonly inputSize: number;
  run(patch: Uint8Array): Promise<FaceResResult>;
}

export function faceResOnnxPath(dir = defaultOnnxModelDir()): string {
  return path.join(dir, FACERES_ONNX_FILE);
}

export function onnxFaceRes(net: OnnxNet): FaceResNet {
  const size = FACERES_INPUT;
  return {
    inputSize: size,
    async run(patch: Uint8Array): Promise<FaceResResult> {
      const input = rgbInput(LABEL, patch, size);
      const out = await runOnnx(net, LABEL, input, [1, size, size, 3], [
        'descriptor',
        'gender',
        'age',
      ] as const);
      const gender = out.gender.data[0];
      if (
        out.descriptor.data.length !== FACERES_DESCRIPTOR ||
        out.age.data.length !== 100 ||
        gender === undefined
      ) {
        throw new EngineError('detection_server_error', `${LABEL}: output of the wrong size`);
      }
      return { descriptor: out.descriptor.data, gender, age: out.age.data };
    },
  };
}

export async function createOnnxFaceRes(
  ort: OrtModule,
  options: InferenceSession.SessionOptions = {},
  modelPath = faceResOnnxPath(),
): Promise<FaceResNet & { readonly net: OnnxNet }> {
  const net = await createOnnxNet(ort, modelPath, options);
  return { ...onnxFaceRes(net), net };
}
