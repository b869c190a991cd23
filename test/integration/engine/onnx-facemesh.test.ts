// MediaPipe's face mesh converted by `npm run models:onnx` gives TensorFlow.js's answers on real
// faces, masked and under hard hats and helmets (where the covered-faces stage wants landmarks):
// ONNX Runtime CPU against human's graph on face-api's wasm tfjs, same 192 px crops. Landmarks
// (x, y, z) within 0.5 px, face score max |Δ| ≤ 1e-4. The measured maxima are printed.
import * as ort from 'onnxruntime-node';
import type * as tfjs from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import { loadFaceRuntime } from '../../../src-main/engine/networks/tfjs/tfjs-runtime';
import {
  createOnnxFaceMesh,
  FACEMESH_INPUT,
  faceMeshOnnxPath,
  type FaceMeshNet,
} from '../../../src-main/engine/onnx/onnx-facemesh';
import { firstPhotos, maxAbsDiff, squarePatch } from '../../support/graph-model-photos';
import { loadHumanGraphTf, type HumanGraphTf } from '../../support/human-graph-tfjs';
import { ensureOnnxModels } from '../../support/onnx-models-setup';
import { HAS_FACEDATA, SKIP_NOTE } from './facedata-guard';

describe.skipIf(!HAS_FACEDATA)(`face mesh on ONNX equals TensorFlow.js${SKIP_NOTE}`, () => {
  const photos = HAS_FACEDATA
    ? [
        ...firstPhotos('masks', 'with_mask', 3),
        ...firstPhotos('masks', 'without_mask', 1),
        ...firstPhotos('head_cover', 'hard_hat', 2),
        ...firstPhotos('head_cover', 'bike_helmet', 1),
      ]
    : [];
  let reference: HumanGraphTf;
  let onnx: FaceMeshNet;
  const worst = { px: 0, score: 0, bestScore: 0 };

  beforeAll(async () => {
    const runtime = await loadFaceRuntime({ backend: 'wasm', loadSsd: false });
    const tf = runtime.faceapi.tf as unknown as typeof tfjs;
    reference = await loadHumanGraphTf(tf, 'facemesh.json', FACEMESH_INPUT, (x) => x.div(255));
    onnx = await createOnnxFaceMesh(
      ort,
      { executionProviders: ['cpu'] },
      faceMeshOnnxPath(ensureOnnxModels()),
    );
  });
  afterAll(() => {
    console.log(`face mesh ONNX vs tfjs on ${photos.length} photos: ${JSON.stringify(worst)}`);
  });

  it.each(photos)('%s', async (relative) => {
    const patch = await squarePatch(relative, FACEMESH_INPUT);
    const [mesh, flag] = await reference.run(patch, ['Identity_2', 'Identity_1']);
    const got = await onnx.run(patch);
    expect(got.mesh).toHaveLength(468 * 3);
    worst.px = Math.max(worst.px, maxAbsDiff(mesh!, got.mesh));
    worst.score = Math.max(worst.score, Math.abs(flag![0]! - got.faceScore));
    worst.bestScore = Math.max(worst.bestScore, got.faceScore);
    expect(worst.px).toBeLessThanOrEqual(0.5);
    expect(worst.score).toBeLessThanOrEqual(1e-4);
  });

  it('saw faces (not only empty answers) and refuses a patch of the wrong size', async () => {
    expect(worst.bestScore).toBeGreaterThan(0.5);
    await expect(onnx.run(new Uint8Array(10))).rejects.toBeInstanceOf(EngineError);
  });
});
