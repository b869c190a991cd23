// Synthetic eyewear for the occlusion check's training: deterministic, drawn where the landmarks
// say the eyes are, see-through for clear glasses and dark for sunglasses; and cross-validation
// never trains a fold on a copy of its own test image.
import { describe, expect, it } from 'vitest';
import {
  drawEyewear,
  randomEyewearStyle,
  type EyewearStyle,
} from '../../../tools/checks/augment/draw-eyewear';
import { hashString, seededRandom } from '../../../src-shared/seeded-random';
import { foldTrainingSet, type Usable } from '../../../tools/checks/train-checks';

/** 68 landmarks of a frontal face in a 200 x 200 image: eyes at (70, 90) and (130, 90), jaw
 *  contour ends (points 0 and 16) at (40, 95) and (160, 95); the rest on the chin. */
function landmarks(): { x: number; y: number }[] {
  const points = Array.from({ length: 68 }, () => ({ x: 100, y: 150 }));
  points[0] = { x: 40, y: 95 };
  points[16] = { x: 160, y: 95 };
  for (let i = 36; i < 42; i++) points[i] = { x: 70 + (i % 2 === 0 ? -6 : 6), y: 90 };
  for (let i = 42; i < 48; i++) points[i] = { x: 130 + (i % 2 === 0 ? -6 : 6), y: 90 };
  return points;
}

const skin = (): { width: number; height: number; data: Uint8Array } => ({
  width: 200,
  height: 200,
  data: new Uint8Array(200 * 200 * 3).fill(180),
});
const pixel = (img: { data: Uint8Array; width: number }, x: number, y: number): number[] =>
  Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));

const style = (
  kind: EyewearStyle['kind'],
  overrides: Partial<EyewearStyle> = {},
): EyewearStyle => ({
  ...randomEyewearStyle(kind, seededRandom(1)),
  glare: 0,
  ...overrides,
});

describe('drawEyewear', () => {
  it('sunglasses darken the eyes; clear glasses leave them visible', () => {
    const eye = { x: 70, y: 92 };
    const sun = drawEyewear(skin(), landmarks(), style('sunglasses', { lensOpacity: 0.9 }));
    const clear = drawEyewear(
      skin(),
      landmarks(),
      style('eyeglasses_clear', { lensOpacity: 0.05 }),
    );
    expect(Math.max(...pixel(sun, eye.x, eye.y))).toBeLessThan(80);
    expect(Math.min(...pixel(clear, eye.x, eye.y))).toBeGreaterThan(160);
  });

  it('draws a frame around each eye and leaves the mouth and the forehead alone', () => {
    const frameColour = [20, 20, 22] as const;
    const img = drawEyewear(
      skin(),
      landmarks(),
      style('eyeglasses_clear', {
        frameColour,
        lensWidth: 0.4,
        lensAspect: 0.7,
        frame: 0.05,
        roundness: 2,
      }),
    );
    // The lens's outer edge: half-width 0.4 x 60 = 24 px from the eye centre, along the eye line.
    expect(pixel(img, 70 - 24, 92)).toEqual([20, 20, 22]);
    expect(pixel(img, 100, 170)).toEqual([180, 180, 180]);
    expect(pixel(img, 100, 30)).toEqual([180, 180, 180]);
  });

  it('copies the image and is deterministic for a seed', () => {
    const src = skin();
    const a = drawEyewear(
      src,
      landmarks(),
      randomEyewearStyle('sunglasses', seededRandom(hashString('x'))),
    );
    const b = drawEyewear(
      src,
      landmarks(),
      randomEyewearStyle('sunglasses', seededRandom(hashString('x'))),
    );
    expect(src.data.every((v) => v === 180)).toBe(true);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  });

  it('refuses anything but the 68 landmarks', () => {
    expect(() => drawEyewear(skin(), landmarks().slice(0, 5), style('sunglasses'))).toThrow(/68/);
  });
});

describe('foldTrainingSet', () => {
  it('keeps a synthetic copy out of the fold its source image is tested in', () => {
    const sample = (path: string, positive: boolean) => ({ path, label: 'l', positive });
    const data: Usable = {
      samples: ['a', 'b', 'c', 'd'].map((p, i) => sample(p, i % 2 === 0)),
      rows: [[0], [1], [2], [3]],
      noFace: 0,
      synthetic: {
        samples: [
          { ...sample('synthetic:sunglasses:a', true), source: 'a' },
          { ...sample('synthetic:sunglasses:c', true), source: 'c' },
          { ...sample('synthetic:sunglasses:z', true), source: 'z' },
        ],
        rows: [[9], [9], [9]],
      },
    };
    const fold = [0, 1, 1, 0];
    expect(foldTrainingSet(data, fold, 0)).toEqual({ real: [1, 2], synthetic: [1, 2] });
    expect(foldTrainingSet(data, fold, 1)).toEqual({ real: [0, 3], synthetic: [0, 2] });
  });
});
