// The tfjs reference for graph-model equivalence tests: one of @vladmandic/human's graph models
// loaded from its models/ folder into the given tfjs instance, run on an NHWC float input built
// from RGB bytes the way human's code prepares it.
import fs from 'node:fs';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { defaultBlazeFaceDir } from '../../src-main/engine/detect/blazeface-model';

interface GraphModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tfjs.io.WeightsManifestEntry[] }[];
}

export interface HumanGraphTf {
  /** Outputs' data by node name, for RGB bytes (side x side x 3) scaled by `prepare`. */
  run(patch: Uint8Array, outputs: readonly string[]): Promise<Float32Array[]>;
}

export async function loadHumanGraphTf(
  tf: typeof tfjs,
  file: string,
  side: number,
  prepare: (x: tfjs.Tensor4D) => tfjs.Tensor,
): Promise<HumanGraphTf> {
  const dir = defaultBlazeFaceDir();
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GraphModelJson;
  const buffers = json.weightsManifest
    .flatMap((g) => g.paths)
    .map((p) => fs.readFileSync(path.join(dir, p)));
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: new Uint8Array(Buffer.concat(buffers)).buffer,
    }),
  );
  return {
    async run(patch, outputs) {
      const tensors = tf.tidy(() => {
        const input = prepare(tf.tensor4d(patch, [1, side, side, 3], 'float32'));
        return model.execute(input, [...outputs]) as tfjs.Tensor[];
      });
      try {
        return await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
      } finally {
        for (const t of tensors) t.dispose();
      }
    },
  };
}
