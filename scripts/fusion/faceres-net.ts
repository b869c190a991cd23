// human's `faceres` (HSE-FaceRes, converted to a TensorFlow.js graph model by vladmandic, shipped
// in @vladmandic/human/models, MIT) run on TensorFlow.js's WebAssembly backend, the backend the
// engine's TensorFlow.js path uses. Input: a 224 x 224 RGB patch scaled to 0..255 (human's
// faceres.ts multiplies its 0..1 face tensor by 255); output `global_pooling/Mean`, the 1024-D
// descriptor human compares (its gender and age heads are ignored). Experiment only: nothing in
// the engine loads this file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { defaultWasmDir } from '../../src-main/engine/models/model-paths';

export const FACERES_INPUT = 224;
const DESCRIPTOR_OUTPUT = 'global_pooling/Mean';

interface GraphModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export function faceresModelFile(): string {
  // The package's exports hide package.json: walk up from its main entry to the package root.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human'));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return path.join(dir, 'models', 'faceres.json');
}

export interface FaceresNet {
  /** The 1024-D descriptor of a FACERES_INPUT² RGB patch (row-major, 3 bytes per pixel). */
  describe(patch: Uint8Array): Promise<Float32Array>;
  dispose(): void;
}

async function loadFromDisk(file: string): Promise<tf.GraphModel> {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as GraphModelJson;
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const buffers = json.weightsManifest.flatMap((group) =>
    group.paths.map((p) => fs.readFileSync(path.join(path.dirname(file), p))),
  );
  const joined = Buffer.concat(buffers);
  const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
  return tf.loadGraphModel({
    load: async () => ({ modelTopology: json.modelTopology, weightSpecs, weightData }),
  });
}

export async function loadFaceresNet(file = faceresModelFile()): Promise<FaceresNet> {
  // One thread, as in each engine worker: the figures are per-face latency on one core.
  setWasmPaths(defaultWasmDir());
  if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js wasm backend did not start');
  await tf.ready();
  const model = await loadFromDisk(file);
  return {
    async describe(patch) {
      if (patch.length !== FACERES_INPUT * FACERES_INPUT * 3) {
        throw new Error(`faceres takes a ${FACERES_INPUT}² RGB patch, got ${patch.length} bytes`);
      }
      const input = tf.tensor4d(Float32Array.from(patch), [1, FACERES_INPUT, FACERES_INPUT, 3]);
      try {
        const out = model.execute(input, DESCRIPTOR_OUTPUT) as tf.Tensor;
        const data = (await out.data()) as Float32Array;
        out.dispose();
        return data;
      } finally {
        input.dispose();
      }
    },
    dispose: () => model.dispose(),
  };
}
