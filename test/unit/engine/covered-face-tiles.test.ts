// The covered-face stage's tiles (covered-face-detector.ts, tileWindows): square windows that
// cover every pixel of the image, overlap enough that a head on a seam is whole in one of them,
// and fall back to one centred window when the image is smaller than a tile.
import { describe, expect, it } from 'vitest';
import { tileWindows } from '../../../src-main/engine/detect/covered-face-detector';
import type { RgbImage } from '../../../src-main/engine/image/rgb-image';

const image = (width: number, height: number): RgbImage => ({
  width,
  height,
  data: new Uint8Array(width * height * 3),
});

describe('covered-face tiles', () => {
  it.each([
    [512, 384, 0.35],
    [384, 512, 0.5],
    [300, 300, 0.35],
  ])('%ix%i at %f cover the whole image with overlap', (w, h, fraction) => {
    const tiles = tileWindows(image(w, h), fraction);
    const side = Math.max(w, h) * fraction;
    for (const t of tiles) expect(t.side).toBeCloseTo(side);
    for (let y = 0; y < h; y += 7) {
      for (let x = 0; x < w; x += 7) {
        const inside = tiles.some(
          (t) => x >= t.x0 && x < t.x0 + t.side && y >= t.y0 && y < t.y0 + t.side,
        );
        expect(inside, `${x},${y}`).toBe(true);
      }
    }
    // Neighbours along a row overlap by at least a third of a tile.
    const row = tiles.filter((t) => t.y0 === tiles[0]?.y0).map((t) => t.x0);
    for (let i = 1; i < row.length; i++) {
      expect(side - ((row[i] ?? 0) - (row[i - 1] ?? 0))).toBeGreaterThanOrEqual(side / 3 - 1e-9);
    }
  });

  it('gives one centred window along a side shorter than a tile', () => {
    const tiles = tileWindows(image(100, 40), 0.5);
    expect(new Set(tiles.map((t) => t.y0))).toEqual(new Set([(40 - 50) / 2]));
    expect(tiles.length).toBe(3);
  });
});
