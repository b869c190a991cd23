// MediaPipe's face mesh on ONNX Runtime (converted by `npm run models:onnx` from
// @vladmandic/human's facemesh.json): a 192 x 192 RGB crop of a face in, 468 landmarks (x, y, z
// in pixels of the crop, z relative depth) and the network's face-presence score out. The model
// scales the bytes to [0, 1] itself, as human's tfjs code does before calling the graph.
import fs from 'node:fs';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { EngineError } from '../errors/engine-error';
import type { FaceMeshNet } from '../networks/face-networks';
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

export type { FaceMeshNet };

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

/** The face mesh, its session created on the first run (and again after a failed load). The file
 *  is checked now, so a missing model fails the start-up like the other networks. */
export function lazyOnnxFaceMesh(
  ort: OrtModule,
  options: InferenceSession.SessionOptions,
  modelDir?: string,
): { net: FaceMeshNet; release(): Promise<void> } {
  const file = faceMeshOnnxPath(modelDir);
  if (!fs.existsSync(file)) throw new Error(`${file} not found (npm run models:onnx)`);
  let loading: Promise<OnnxNet> | undefined;
  const session = (): Promise<OnnxNet> => {
    loading ??= createOnnxNet(ort, file, options).catch((err: unknown) => {
      loading = undefined;
      throw new EngineError('detection_server_error', `${LABEL} failed to load: ${err}`, {
        cause: err,
      });
    });
    return loading;
  };
  return {
    net: {
      inputSize: FACEMESH_INPUT,
      run: async (patch) => onnxFaceMesh(await session()).run(patch),
    },
    release: async () => {
      const loaded = await loading?.catch(() => undefined);
      await loaded?.session.release();
    },
  };
}
