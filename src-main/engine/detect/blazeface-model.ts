// BlazeFace's network on TensorFlow.js: loads the graph model shipped in @vladmandic/human's
// models/ folder (MIT; see resources/models/README.md) from disk, and runs it on a 256 x 256 RGB
// patch. Returns the raw 896 x 17 rows for blazeface-decode.ts. The file is the four-output
// variant (PINTO's conversion): scores and boxes of the 16 x 16 grid, then of the 8 x 8 grid.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as tfjs from '@tensorflow/tfjs';
import { BLAZEFACE_ROW } from './blazeface-decode';

export const BLAZEFACE_INPUT = 256;

/** Runs the detector network: RGB bytes (input x input x 3) in, raw anchor rows out. */
export interface BlazeFaceNet {
  readonly inputSize: number;
  run(patch: Uint8Array): Promise<Float32Array>;
}

// nodeRequire: electron-vite's CJS shim declares its own `require` in chunks calling require().
const nodeRequire = createRequire(import.meta.url);

/** @vladmandic/human's package root: its exports map hides package.json, so walk up from the
 *  main entry (dist/) to the folder holding models/. */
function humanPackageDir(): string {
  let dir = path.dirname(nodeRequire.resolve('@vladmandic/human'));
  while (!fs.existsSync(path.join(dir, 'models', 'blazeface.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('@vladmandic/human has no models/blazeface.json');
    dir = parent;
  }
  return dir;
}

export function defaultBlazeFaceDir(): string {
  return process.env.FACEAUTH_BLAZEFACE_DIR ?? path.join(humanPackageDir(), 'models');
}

interface GraphModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tfjs.io.WeightsManifestEntry[] }[];
}

/** Output names of the four heads, in anchor order: (scores, boxes) of 512 then of 384 rows. */
const HEADS = [
  ['Identity', 'Identity_2', 512],
  ['Identity_1', 'Identity_3', 384],
] as const;

export async function loadBlazeFaceTf(
  tf: typeof tfjs,
  dir = defaultBlazeFaceDir(),
): Promise<BlazeFaceNet> {
  const json = JSON.parse(
    await fs.promises.readFile(path.join(dir, 'blazeface.json'), 'utf8'),
  ) as GraphModelJson;
  const buffers = await Promise.all(
    json.weightsManifest
      .flatMap((g) => g.paths)
      .map((p) => fs.promises.readFile(path.join(dir, p))),
  );
  const weightData = new Uint8Array(Buffer.concat(buffers)).buffer;
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData,
    }),
  );
  const size = BLAZEFACE_INPUT;
  return {
    inputSize: size,
    async run(patch: Uint8Array): Promise<Float32Array> {
      const outputs = tf.tidy(() => {
        // The network expects RGB scaled to [-1, 1].
        const input = tf.tensor4d(patch, [1, size, size, 3], 'float32').div(127.5).sub(1);
        const names = HEADS.flatMap(([scores, boxes]) => [scores, boxes]);
        return model.execute(input, names) as tfjs.Tensor[];
      });
      try {
        const data = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
        const rows = new Float32Array((512 + 384) * BLAZEFACE_ROW);
        let row = 0;
        HEADS.forEach(([, , count], h) => {
          const scores = data[h * 2];
          const boxes = data[h * 2 + 1];
          if (scores === undefined || boxes === undefined)
            throw new Error('BlazeFace head missing');
          for (let i = 0; i < count; i++, row++) {
            rows[row * BLAZEFACE_ROW] = scores[i] ?? 0;
            rows.set(boxes.subarray(i * 16, i * 16 + 16), row * BLAZEFACE_ROW + 1);
          }
        });
        return rows;
      } finally {
        for (const t of outputs) t.dispose();
      }
    },
  };
}
