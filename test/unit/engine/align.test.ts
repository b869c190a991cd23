import { describe, expect, it } from 'vitest';
import {
  ALIGNMENT_LANDMARKS,
  CHIP_SIZE,
  chipTransform,
  extractChip,
} from '../../../src-main/engine/align/face-chip';
import {
  applyTransform,
  fitSimilarity,
  type Point2,
} from '../../../src-main/engine/align/similarity-transform';

describe('similarity transform', () => {
  it('recovers a known scale, rotation and translation exactly', () => {
    const truth = { a: 2 * Math.cos(0.3), b: 2 * Math.sin(0.3), tx: 10, ty: -5 };
    const from: Point2[] = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
      { x: 3, y: 7 },
    ];
    const fit = fitSimilarity(
      from,
      from.map((p) => applyTransform(truth, p)),
    );
    expect(fit.a).toBeCloseTo(truth.a, 10);
    expect(fit.b).toBeCloseTo(truth.b, 10);
    expect(fit.tx).toBeCloseTo(truth.tx, 10);
    expect(fit.ty).toBeCloseTo(truth.ty, 10);
  });

  it('rejects degenerate input', () => {
    expect(() => fitSimilarity([{ x: 1, y: 1 }], [{ x: 1, y: 1 }])).toThrow();
    expect(() =>
      fitSimilarity(
        [
          { x: 1, y: 1 },
          { x: 1, y: 1 },
        ],
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
      ),
    ).toThrow(/identical/);
  });
});

describe('dlib face chip', () => {
  it('aligns on 33 landmarks (nose, eyes, outer mouth)', () => {
    expect(ALIGNMENT_LANDMARKS).toHaveLength(33);
    expect(ALIGNMENT_LANDMARKS[0]).toBe(27);
    expect(ALIGNMENT_LANDMARKS).not.toContain(17);
    expect(ALIGNMENT_LANDMARKS).not.toContain(57);
  });

  it('removes the rotation of a tilted face', () => {
    // Landmarks of an upright face, rotated by 20 degrees: the transform must rotate back.
    const upright: Point2[] = Array.from({ length: 68 }, (_, i) => ({
      x: 100 + (i % 10) * 7,
      y: 100 + Math.floor(i / 10) * 9,
    }));
    const angle = (20 * Math.PI) / 180;
    const tilted = upright.map((p) => ({
      x: Math.cos(angle) * p.x - Math.sin(angle) * p.y,
      y: Math.sin(angle) * p.x + Math.cos(angle) * p.y,
    }));
    const t0 = chipTransform(upright);
    const t1 = chipTransform(tilted);
    const roll = (t: { a: number; b: number }) => Math.atan2(t.b, t.a);
    expect(roll(t1) - roll(t0)).toBeCloseTo(angle, 6);
    expect(Math.hypot(t1.a, t1.b)).toBeCloseTo(Math.hypot(t0.a, t0.b), 6);
  });

  it('samples a 150x150 RGB chip and mirrors it on request', () => {
    const width = 300;
    const height = 300;
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) data[(y * width + x) * 3] = x < 150 ? 255 : 0;
    const img = { width, height, data };
    const identity = { a: 1, b: 0, tx: 75, ty: 75 };
    const chip = extractChip(img, identity);
    const mirrored = extractChip(img, identity, CHIP_SIZE, true);
    expect(chip.length).toBe(CHIP_SIZE * CHIP_SIZE * 3);
    expect(chip[(10 * CHIP_SIZE + 10) * 3]).toBe(255);
    expect(chip[(10 * CHIP_SIZE + 140) * 3]).toBe(0);
    expect(mirrored[(10 * CHIP_SIZE + 10) * 3]).toBe(0);
    expect(mirrored[(10 * CHIP_SIZE + 140) * 3]).toBe(255);
  });
});
