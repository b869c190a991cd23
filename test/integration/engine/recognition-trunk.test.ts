// The layer-by-layer pass of FaceRecognitionNet (src-main/engine/networks/tfjs/tfjs-recognition-trunk.ts)
// must give exactly face-api's descriptor: every verification takes its descriptor from this pass.
// Real weights from the package, no photos needed.
import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeDescriptor } from '../../../src-main/engine/networks/tfjs/tfjs-stock-descriptor';
import {
  loadFaceRuntime,
  type FaceRuntime,
} from '../../../src-main/engine/networks/tfjs/tfjs-runtime';
import { recognitionTrunk } from '../../../src-main/engine/networks/tfjs/tfjs-recognition-trunk';

/** A deterministic, structured 150 px patch (gradients and stripes, not a constant). */
function patch(seed: number): Uint8Array {
  const out = new Uint8Array(150 * 150 * 3);
  for (let y = 0; y < 150; y++) {
    for (let x = 0; x < 150; x++) {
      const i = (y * 150 + x) * 3;
      out[i] = (x * 2 + seed * 31) % 256;
      out[i + 1] = (y * 3 + ((x >> 3) % 2) * 60 + seed) % 256;
      out[i + 2] = ((x + y) * seed) % 256;
    }
  }
  return out;
}

/** face-api's typings list only the tf ops it uses; at run time it is the full @tensorflow/tfjs. */
const tensorCount = (rt: FaceRuntime): number =>
  (rt.faceapi.tf as unknown as typeof tfjs).memory().numTensors;

describe('recognitionTrunk', () => {
  let rt: FaceRuntime;
  beforeAll(async () => {
    rt = await loadFaceRuntime({ loadSsd: false });
  });

  it.each([1, 7, 13])('gives face-api’s descriptor bit for bit (patch %i)', async (seed) => {
    const chip = patch(seed);
    const reference = await computeDescriptor(rt, chip);
    const trunk = await recognitionTrunk(rt, chip, 150);
    expect(Array.from(trunk.embedding)).toEqual(Array.from(reference));
  });

  it('reads out an 8 x 128 map and a 256-D mean, and leaks no tensors', async () => {
    const before = tensorCount(rt);
    const trunk = await recognitionTrunk(rt, patch(3), 150);
    expect(trunk.rows).toBe(8);
    expect(trunk.rows128).toHaveLength(8 * 128);
    expect(trunk.mean256).toHaveLength(256);
    expect(trunk.rows128.every(Number.isFinite)).toBe(true);
    expect(tensorCount(rt)).toBe(before);
  });

  it('activations differ between different patches', async () => {
    const a = await recognitionTrunk(rt, patch(1), 150);
    const b = await recognitionTrunk(rt, patch(2), 150);
    expect(Array.from(a.rows128)).not.toEqual(Array.from(b.rows128));
  });
});
