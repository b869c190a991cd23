// Feature geometry and statistics on synthetic patches (no models, no photos).
import { describe, expect, it } from 'vitest';
import {
  computeCheckFeatures,
  extractWideChip,
  gridBlock,
  GRID_LENGTH,
  regionStats,
  SMALL_WIDE_SIZE,
  STATS_LENGTH,
  STATS_PER_REGION,
  unitToChip,
  WIDE_PADDING,
  WIDE_SHIFT_UP,
} from '../../../src-main/engine/checks/check-features';

function solid(size: number, rgb: [number, number, number]): Uint8Array {
  const p = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) p.set(rgb, i * 3);
  return p;
}

describe('unitToChip', () => {
  it.each([
    [0, 150, 0.25, 0, 25],
    [1, 150, 0.25, 0, 125],
    [-WIDE_PADDING - WIDE_SHIFT_UP, 64, WIDE_PADDING, WIDE_SHIFT_UP, 0],
    [1 + WIDE_PADDING - WIDE_SHIFT_UP, 64, WIDE_PADDING, WIDE_SHIFT_UP, 64],
  ])('unit %f in a %i px chip (padding %f, shift %f) -> %f px', (u, size, pad, shift, px) => {
    expect(unitToChip(u, size, pad, shift)).toBeCloseTo(px, 9);
  });
});

describe('regionStats', () => {
  it('a flat dark patch: mean colour, no texture, all dark, no saturation', () => {
    const s = regionStats(solid(20, [20, 20, 20]), 20, 0, 20, 0, 20);
    expect(s).toHaveLength(STATS_PER_REGION);
    expect(s[0]).toBeCloseTo(20 / 255, 6);
    expect(s[3]).toBeCloseTo(0, 6); // luma std
    expect(s[4]).toBeCloseTo(0, 6); // gradient
    expect(s[6]).toBe(1); // dark share
    expect(s[8]).toBe(0); // saturation
  });
  it('a skin-toned patch counts as skin', () => {
    const s = regionStats(solid(20, [200, 140, 110]), 20, 0, 20, 0, 20);
    expect(s[5]).toBe(1);
  });
});

describe('gridBlock', () => {
  it('has a fixed length; a flat patch has no gradient', () => {
    const g = gridBlock(solid(SMALL_WIDE_SIZE, [100, 100, 100]), SMALL_WIDE_SIZE);
    expect(g).toHaveLength(GRID_LENGTH);
    expect(g[0]).toBe(0);
    expect(g[6]).toBeCloseTo(100 / 255, 6);
  });
});

describe('computeCheckFeatures', () => {
  const img = { width: 300, height: 300, data: solid(300, [128, 100, 90]) };
  const transform = { a: 1, b: 0, tx: 75, ty: 100 };
  const input = {
    img,
    transform,
    chip: solid(150, [128, 100, 90]),
    descriptor: new Float32Array(128).fill(0.5),
  };
  // An 8 x 128 map whose row r holds r + channel / 1000, and a 256-D deep mean.
  const trunk = {
    rows: 8,
    rows128: Float32Array.from(
      { length: 8 * 128 },
      (_, i) => Math.floor(i / 128) + (i % 128) / 1000,
    ),
    mean256: new Float32Array(256).fill(2),
    embedding: new Float32Array(128),
  };
  it('computes only the requested blocks', () => {
    const f = computeCheckFeatures(['stats', 'grid'], input);
    expect(Object.keys(f).sort()).toEqual(['grid', 'stats']);
    expect(f.stats).toHaveLength(STATS_LENGTH);
    const g = computeCheckFeatures(['chip', 'face_top'], { ...input, trunk });
    expect(Object.keys(g).sort()).toEqual(['chip', 'face_top']);
    expect(g.chip).toHaveLength(128);
  });
  it('trunk blocks average the right rows of the map', () => {
    const f = computeCheckFeatures(['face_top', 'face_eyes', 'face_lower', 'face_deep'], {
      ...input,
      trunk,
    });
    expect(f.face_top?.[0]).toBeCloseTo(0.5, 6); // rows 0-1
    expect(f.face_eyes?.[3]).toBeCloseTo(2.5 + 0.003, 6); // rows 2-3
    expect(f.face_lower?.[0]).toBeCloseTo(5.5, 6); // rows 4-7
    expect(f.face_deep).toHaveLength(256);
  });
  it('refuses trunk blocks without the network activations', () => {
    expect(() => computeCheckFeatures(['face_eyes'], input)).toThrow(/trunk/);
  });
  it('the wide chip of a uniform image is uniform', () => {
    const w = extractWideChip(img, transform, 32);
    expect(w).toHaveLength(32 * 32 * 3);
    expect(new Set(w).size).toBeLessThanOrEqual(3);
  });
});
