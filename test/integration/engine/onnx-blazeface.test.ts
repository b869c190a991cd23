// BlazeFace converted by `npm run models:onnx` (the graph-model converter) gives TensorFlow.js's
// answers on real photos: masked faces, hard hats and bike helmets, and photos without a face.
// ONNX Runtime CPU against the tfjs runner (blazeface-model.ts) on face-api's wasm tfjs, raw
// rows compared: scores after the decoder's sigmoid max |Δ| ≤ 1e-4, box and keypoint values
// within 0.5 px at 256 px, and decoded detections the same. The measured maxima are printed.
import * as ort from 'onnxruntime-node';
import type * as tfjs from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLAZEFACE_ROW,
  blazeFaceAnchors,
  decodeBlazeFace,
} from '../../../src-main/engine/detect/blazeface-decode';
import {
  loadBlazeFaceTf,
  type BlazeFaceNet,
} from '../../../src-main/engine/detect/blazeface-model';
import { loadFaceRuntime } from '../../../src-main/engine/networks/tfjs/tfjs-runtime';
import {
  blazeFaceOnnxPath,
  createOnnxBlazeFace,
} from '../../../src-main/engine/onnx/onnx-blazeface';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import { ensureOnnxModels } from '../../support/onnx-models-setup';
import { firstPhotos, maxAbsDiff, squarePatch } from '../../support/graph-model-photos';
import { HAS_FACEDATA, SKIP_NOTE } from './facedata-guard';

const SIZE = 256;
const anchors = blazeFaceAnchors(SIZE);
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

function split(rows: Float32Array): { scores: number[]; geometry: number[] } {
  const scores: number[] = [];
  const geometry: number[] = [];
  for (let r = 0; r < rows.length / BLAZEFACE_ROW; r++) {
    scores.push(sigmoid(rows[r * BLAZEFACE_ROW] as number));
    for (let k = 1; k < BLAZEFACE_ROW; k++) geometry.push(rows[r * BLAZEFACE_ROW + k] as number);
  }
  return { scores, geometry };
}

describe.skipIf(!HAS_FACEDATA)(`BlazeFace on ONNX equals TensorFlow.js${SKIP_NOTE}`, () => {
  const photos = HAS_FACEDATA
    ? [
        ...firstPhotos('masks', 'with_mask', 3),
        ...firstPhotos('head_cover', 'hard_hat', 2),
        ...firstPhotos('head_cover', 'bike_helmet', 2),
        ...firstPhotos('negative', 'no_face', 2),
      ]
    : [];
  let reference: BlazeFaceNet;
  let onnx: BlazeFaceNet;
  const worst = { score: 0, px: 0, detections: 0 };
  /** Per-photo run times (ms), printed as medians: a ratio for the engine's budget, not a gate. */
  const ms = { tfjs: [] as number[], onnx: [] as number[] };
  const median = (v: number[]): number =>
    [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

  beforeAll(async () => {
    const runtime = await loadFaceRuntime({ backend: 'wasm', loadSsd: false });
    reference = await loadBlazeFaceTf(runtime.faceapi.tf as unknown as typeof tfjs);
    onnx = await createOnnxBlazeFace(
      ort,
      { executionProviders: ['cpu'] },
      blazeFaceOnnxPath(ensureOnnxModels()),
    );
  });
  afterAll(() => {
    console.log(`BlazeFace ONNX vs tfjs on ${photos.length} photos: ${JSON.stringify(worst)}`);
    // The first photo pays both runtimes' warm-up; the medians leave it out.
    const [tfjsMs, onnxMs] = [median(ms.tfjs.slice(1)), median(ms.onnx.slice(1))];
    console.log(
      `BlazeFace run median: tfjs wasm ${tfjsMs.toFixed(1)} ms, ONNX CPU ${onnxMs.toFixed(1)} ms`,
    );
  });

  it.each(photos)('%s', async (relative) => {
    const patch = await squarePatch(relative, SIZE);
    let started = performance.now();
    const ref = await reference.run(patch);
    ms.tfjs.push(performance.now() - started);
    started = performance.now();
    const got = await onnx.run(patch);
    ms.onnx.push(performance.now() - started);
    expect(got).toHaveLength(896 * BLAZEFACE_ROW);
    const a = split(ref);
    const b = split(got);
    worst.score = Math.max(worst.score, maxAbsDiff(a.scores, b.scores));
    worst.px = Math.max(worst.px, maxAbsDiff(a.geometry, b.geometry));
    expect(worst.score).toBeLessThanOrEqual(1e-4);
    expect(worst.px).toBeLessThanOrEqual(0.5);

    const refFaces = decodeBlazeFace(ref, anchors, 0.5, 0.3);
    const gotFaces = decodeBlazeFace(got, anchors, 0.5, 0.3);
    expect(gotFaces).toHaveLength(refFaces.length);
    refFaces.forEach((r, i) => {
      const g = gotFaces[i]!;
      expect(Math.abs(g.score - r.score)).toBeLessThanOrEqual(1e-4);
      const boxDelta = maxAbsDiff([r.x, r.y, r.width, r.height], [g.x, g.y, g.width, g.height]);
      const keypointDelta = maxAbsDiff(
        r.keypoints.flatMap((p) => [p.x, p.y]),
        g.keypoints.flatMap((p) => [p.x, p.y]),
      );
      expect(Math.max(boxDelta, keypointDelta)).toBeLessThanOrEqual(0.5);
    });
    worst.detections += refFaces.length;
  });

  it('compared real detections on the covered faces, none on the photos without a face', async () => {
    expect(worst.detections).toBeGreaterThanOrEqual(4);
    for (const relative of photos.filter((p) => p.startsWith('negative/'))) {
      const rows = await onnx.run(await squarePatch(relative, SIZE));
      expect(decodeBlazeFace(rows, anchors, 0.72, 0.3)).toEqual([]);
    }
  });

  it('refuses a patch of the wrong size with the engine error', async () => {
    await expect(onnx.run(new Uint8Array(128 * 128 * 3))).rejects.toBeInstanceOf(EngineError);
  });
});
