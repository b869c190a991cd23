// BlazeFace on ONNX Runtime: the same contract as the TensorFlow.js BlazeFaceNet
// (../detect/blazeface-model.ts): a 256 x 256 RGB patch in, the raw 896 x 17 anchor rows out
// (score logit, then 16 box/keypoint values; 512 rows of the 16 x 16 grid, then 384 of the 8 x 8
// grid) for blazeface-decode.ts. The model (`npm run models:onnx`, converted from
// @vladmandic/human's blazeface.json) scales the bytes to [-1, 1] itself, as the tfjs runner does
// before calling its graph.
import type { InferenceSession } from 'onnxruntime-node';
import { BLAZEFACE_ROW } from '../detect/blazeface-decode';
import { BLAZEFACE_INPUT, type BlazeFaceNet } from '../detect/blazeface-model';
import { EngineError } from '../errors/engine-error';
import { defaultOnnxModelDir } from './onnx-model-paths';
import { createOnnxNet, rgbInput, runOnnx, type OnnxNet, type OrtModule } from './onnx-net';
import path from 'node:path';

export const BLAZEFACE_ONNX_FILE = 'blazeface.onnx';

/** The heads in anchor order: (scores, boxes) of the 16 x 16 grid, then of the 8 x 8 grid. */
const HEADS = [
  ['scores16', 'boxes16', 512],
  ['scores8', 'boxes8', 384],
] as const;
const OUTPUTS = HEADS.flatMap(([scores, boxes]) => [scores, boxes]);
const LABEL = 'BlazeFace (ONNX)';

export function blazeFaceOnnxPath(dir = defaultOnnxModelDir()): string {
  return path.join(dir, BLAZEFACE_ONNX_FILE);
}

/** A BlazeFaceNet over an open session of blazeface.onnx. */
export function onnxBlazeFace(net: OnnxNet): BlazeFaceNet {
  const size = BLAZEFACE_INPUT;
  return {
    inputSize: size,
    async run(patch: Uint8Array): Promise<Float32Array> {
      const input = rgbInput(LABEL, patch, size);
      const out = await runOnnx(net, LABEL, input, [1, size, size, 3], OUTPUTS);
      const rows = new Float32Array((512 + 384) * BLAZEFACE_ROW);
      let row = 0;
      for (const [scoresName, boxesName, count] of HEADS) {
        const scores = out[scoresName].data;
        const boxes = out[boxesName].data;
        if (scores.length !== count || boxes.length !== count * 16) {
          throw new EngineError('detection_server_error', `${LABEL}: output of the wrong size`);
        }
        for (let i = 0; i < count; i++, row++) {
          rows[row * BLAZEFACE_ROW] = scores[i] as number;
          rows.set(boxes.subarray(i * 16, i * 16 + 16), row * BLAZEFACE_ROW + 1);
        }
      }
      return rows;
    },
  };
}

/** Opens blazeface.onnx (from the ONNX model folder unless `modelPath` says otherwise). */
export async function createOnnxBlazeFace(
  ort: OrtModule,
  options: InferenceSession.SessionOptions = {},
  modelPath = blazeFaceOnnxPath(),
): Promise<BlazeFaceNet & { readonly net: OnnxNet }> {
  const net = await createOnnxNet(ort, modelPath, options);
  return { ...onnxBlazeFace(net), net };
}
