// The TypeScript around the ONNX detectors behaves as face-api's own code: the tiny detector's NMS
// against face-api's exported nonMaxSuppression on random boxes, the letterbox resize against
// tf.image.resizeBilinear, grid decoding and SSD's NMS against worked cases.
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type * as tfjs from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultWasmDir } from '../../../../src-main/engine/models/model-paths';
import { ssdNms, tinyYoloNms, type Edges } from '../../../../src-main/engine/onnx/box-nms';
import {
  letterboxResize,
  reshapedDimensions,
} from '../../../../src-main/engine/onnx/detector-input';
import { decodeTinyGrid, TINY_ANCHORS } from '../../../../src-main/engine/onnx/onnx-tiny-detector';

/** A small deterministic generator (xorshift32), so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('tinyYoloNms', () => {
  it.each([1, 2, 3, 4, 5])('keeps what face-api’s nonMaxSuppression keeps (seed %i)', (seed) => {
    const rnd = random(seed);
    const boxes: Edges[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 40; i++) {
      const left = rnd() * 200;
      const top = rnd() * 200;
      const size = 20 + rnd() * 60;
      boxes.push({ left, top, right: left + size, bottom: top + size * (0.8 + rnd() * 0.4) });
      scores.push(rnd());
    }
    const reference = faceapi.nonMaxSuppression(
      boxes.map(
        (b) => new faceapi.Box({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }),
      ),
      scores,
      0.4,
      true,
    );
    expect(reference.length).toBeGreaterThan(1);
    expect(tinyYoloNms(boxes, scores, 0.4)).toEqual(reference);
  });
});

describe('ssdNms', () => {
  // Rows are [ymin, xmin, ymax, xmax].
  const boxes = Float32Array.from([
    0,
    0,
    1,
    1, // 0
    0,
    0.05,
    1,
    1.05, // 1: IoU 0.9 with 0
    0,
    0.5,
    1,
    1.5, // 2: IoU 1/3 with 0
    2,
    2,
    3,
    3, // 3: apart
    0,
    0,
    0,
    0, // 4: empty box
  ]);

  it('keeps the best, drops overlaps above the IoU, ignores scores at or below the threshold', () => {
    expect(ssdNms(boxes, [0.9, 0.95, 0.8, 0.5, 0.7], 100, 0.5, 0.5)).toEqual([1, 2, 4]);
    expect(ssdNms(boxes, [0.9, 0.95, 0.8, 0.6, 0.7], 100, 0.5, 0.5)).toEqual([1, 2, 4, 3]);
  });

  it('stops at maxOutput', () => {
    expect(ssdNms(boxes, [0.9, 0.95, 0.8, 0.6, 0.7], 2, 0.5, 0.5)).toEqual([1, 2]);
  });
});

describe('decodeTinyGrid', () => {
  it('decodes a cell as face-api’s extractBoxes does', () => {
    const cells = 2;
    const grid = new Float32Array(cells * cells * 5 * 5).fill(-20);
    // Row 1, column 0, anchor 2: centre offsets 0 (sigmoid 0.5), unit size, score logit 2.
    const o = ((1 * cells + 0) * 5 + 2) * 5;
    grid.set([0, 0, 0, 0, 2], o);
    const found = decodeTinyGrid(grid, cells, { x: 1, y: 1.25 }, 0.5);
    expect(found).toHaveLength(1);
    const anchor = TINY_ANCHORS[2]!;
    const width = anchor.x / cells;
    const height = (anchor.y / cells) * 1.25;
    const ctX = 0.5 / cells;
    const ctY = (1.5 / cells) * 1.25;
    expect(found[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(found[0]!.box.left).toBeCloseTo(ctX - width / 2, 12);
    expect(found[0]!.box.top).toBeCloseTo(ctY - height / 2, 12);
    expect(found[0]!.box.right).toBeCloseTo(ctX + width / 2, 12);
    expect(found[0]!.box.bottom).toBeCloseTo(ctY + height / 2, 12);
    expect(decodeTinyGrid(grid, cells, { x: 1, y: 1 }, 0.9)).toHaveLength(0);
  });
});

describe('letterboxResize', () => {
  const tf = faceapi.tf as unknown as typeof tfjs;
  // The engine's TensorFlow.js backend, the one whose resize the ONNX path must reproduce.
  beforeAll(async () => {
    setWasmPaths(defaultWasmDir());
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it.each([
    [37, 23, 32],
    [20, 45, 64],
    [64, 64, 32],
  ])('matches padToSquare + tf.image.resizeBilinear (%i x %i -> %i)', (width, height, side) => {
    const rnd = random(width * height);
    const data = Uint8Array.from({ length: width * height * 3 }, () => Math.floor(rnd() * 256));
    const expected = tf.tidy(() => {
      const img = tf.tensor4d(data, [1, height, width, 3], 'float32');
      const square = faceapi.padToSquare(img as never, false) as unknown as tfjs.Tensor4D;
      return tf.image.resizeBilinear(square, [side, side], false, false).dataSync();
    });
    const got = letterboxResize({ width, height, data }, side);
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i]! - expected[i]!));
    expect(worst).toBeLessThan(1e-3);
  });

  it('reports the image’s size inside the square as face-api does', () => {
    expect(reshapedDimensions(640, 480, 320)).toEqual({ width: 320, height: 240 });
    expect(reshapedDimensions(333, 500, 512)).toEqual({ width: 341, height: 512 });
  });
});
