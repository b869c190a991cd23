// MediaPipe's face mesh on ONNX Runtime (converted by `npm run models:onnx` from
// @vladmandic/human's facemesh.json): a 192 x 192 RGB crop of a face in, 468 landmarks (x, y, z
// in pixels of the crop, z relative depth) and the network's face-presence score out. The model
// scales the bytes to [0, 1] itself, as human's tfjs code does before calling the graph.
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { EngineError } from '../errors/engine-error';
import { defaultOnnxModelDir } from './onnx-model-paths';
import { createOnnxNet, rgbInput, runOnnx, type OnnxNet, type OrtModule } from './onnx-net';

export const FACEMESH_ONNX_FILE = 'facemesh.onnx';
export const FACEMESH_INPUT = 192;
export const FACEMESH_POINTS = 468;
const LABEL = 'face mesh (ONNX)';

export interface FaceMeshResult {
  /** 468 x (x, y, z), row-major, in pixels of the 192 px crop. */
  mesh: Float32Array;
  /** The network's face-presence score in [0, 1] (after its sigmoid). */
  faceScore: number;
}

export interface FaceMeshNet {
  readonly inputSize: number;
  run(patch: Uint8Array): Promise<FaceMeshResult>;
}

export function faceMeshOnnxPath(dir = defaultOnnxModelDir()): string {
  return path.join(dir, FACEMESH_ONNX_FILE);
}

export function onnxFaceMesh(net: OnnxNet): FaceMeshNet {
  const size = FACEMESH_INPUT;
  return {
    inputSize: size,
    async run(patch: Uint8Array): Promise<FaceMeshResult> {
      const input = rgbInput(LABEL, patch, size);
      const out = await runOnnx(net, LABEL, input, [1, size, size, 3], ['mesh', 'faceflag']);
      const score = out.faceflag.data[0];
      if (out.mesh.data.length !== FACEMESH_POINTS * 3 || score === undefined) {
        throw new EngineError('detection_server_error', `${LABEL}: output of the wrong size`);
      }
      return { mesh: out.mesh.data, faceScore: score };
    },
  };
}

export async function createOnnxFaceMesh(
  ort: OrtModule,
  options: InferenceSession.SessionOptions = {},
  modelPath = faceMeshOnnxPath(),
): Promise<FaceMeshNet & { readonly net: OnnxNet }> {
  const net = await createOnnxNet(ort, modelPath, options);
  return { ...onnxFaceMesh(net), net };
}
