// human's face description network ("faceres") converted by `npm run models:onnx` gives
// TensorFlow.js's answers on real faces (portraits, masks, hard hats): ONNX Runtime CPU against
// human's graph on face-api's wasm tfjs, same 224 px crops fed raw 0-255 as human feeds them.
// Descriptor max |Δ| ≤ 1e-4 (as for face-api's descriptor), gender and age heads ≤ 1e-4. The
// measured maxima are printed.
import * as ort from 'onnxruntime-node';
import type * as tfjs from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import { loadFaceRuntime } from '../../../src-main/engine/networks/tfjs/tfjs-runtime';
import {
  createOnnxFaceRes,
  FACERES_INPUT,
  faceResOnnxPath,
  type FaceResNet,
} from '../../../src-main/engine/onnx/onnx-faceres';
import { firstPhotos, maxAbsDiff, squarePatch } from '../../support/graph-model-photos';
import { loadHumanGraphTf, type HumanGraphTf } from '../../support/human-graph-tfjs';
import { ensureOnnxModels } from '../../support/onnx-models-setup';
import { HAS_FACEDATA, SKIP_NOTE } from './facedata-guard';

const OUTPUTS = ['global_pooling/Mean', 'gender_pred/Sigmoid', 'age_pred/Softmax'];

describe.skipIf(!HAS_FACEDATA)(`faceres on ONNX equals TensorFlow.js${SKIP_NOTE}`, () => {
  const photos = HAS_FACEDATA
    ? [
        ...firstPhotos('masks', 'without_mask', 2),
        ...firstPhotos('masks', 'with_mask', 2),
        ...firstPhotos('head_cover', 'hard_hat', 1),
      ]
    : [];
  let reference: HumanGraphTf;
  let onnx: FaceResNet;
  const worst = { descriptor: 0, gender: 0, age: 0, largest: 0 };

  beforeAll(async () => {
    const runtime = await loadFaceRuntime({ backend: 'wasm', loadSsd: false });
    const tf = runtime.faceapi.tf as unknown as typeof tfjs;
    reference = await loadHumanGraphTf(tf, 'faceres.json', FACERES_INPUT, (x) => x);
    onnx = await createOnnxFaceRes(
      ort,
      { executionProviders: ['cpu'] },
      faceResOnnxPath(ensureOnnxModels()),
    );
  });
  afterAll(() => {
    console.log(`faceres ONNX vs tfjs on ${photos.length} photos: ${JSON.stringify(worst)}`);
  });

  it.each(photos)('%s', async (relative) => {
    const patch = await squarePatch(relative, FACERES_INPUT);
    const [descriptor, gender, age] = await reference.run(patch, OUTPUTS);
    const got = await onnx.run(patch);
    worst.descriptor = Math.max(worst.descriptor, maxAbsDiff(descriptor!, got.descriptor));
    worst.gender = Math.max(worst.gender, Math.abs(gender![0]! - got.gender));
    worst.age = Math.max(worst.age, maxAbsDiff(age!, got.age));
    worst.largest = Math.max(worst.largest, ...got.descriptor);
    expect(worst.descriptor).toBeLessThanOrEqual(1e-4);
    expect(worst.gender).toBeLessThanOrEqual(1e-4);
    expect(worst.age).toBeLessThanOrEqual(1e-4);
  });

  it('compared non-trivial descriptors and refuses a patch of the wrong size', async () => {
    expect(worst.largest).toBeGreaterThan(0.1);
    await expect(onnx.run(new Uint8Array(10))).rejects.toBeInstanceOf(EngineError);
  });
});
