// Draws a pair of glasses on a face from its 68 landmarks: clear eyeglasses (a frame, a bridge,
// temples, see-through lenses with at most a faint tint and a reflection) or sunglasses (the same
// frame with dark lenses). The training of the occlusion check draws both on the same clean faces
// so that the model learns that what occludes is a dark lens, not a frame: the real data has 55
// sunglasses and only 13 clear eyeglasses, and a model trained on it alone flags glasses.
import type { RgbImage } from '../../../src-main/engine/image/rgb-image';
import { between, pick, type Random } from '../../../src-shared/seeded-random';

export type EyewearKind = 'eyeglasses_clear' | 'sunglasses';

interface Point {
  x: number;
  y: number;
}
type Rgb = readonly [number, number, number];

export interface EyewearStyle {
  kind: EyewearKind;
  /** Lens half-width as a share of the distance between the eye centres. */
  lensWidth: number;
  /** Lens height / width. */
  lensAspect: number;
  /** Superellipse exponent: 2 an ellipse, 4-6 a rounded rectangle. */
  roundness: number;
  /** Frame thickness as a share of the eye distance. */
  frame: number;
  frameColour: Rgb;
  lensColour: Rgb;
  /** Opacity of the lens colour: clear 0-0.12, sunglasses 0.78-0.96. */
  lensOpacity: number;
  /** Opacity of a diagonal reflection across each lens (0 for none). */
  glare: number;
}

const FRAME_COLOURS: readonly Rgb[] = [
  [20, 20, 22],
  [60, 40, 30],
  [110, 110, 115],
  [185, 185, 190],
  [120, 70, 40],
  [30, 40, 80],
];
const SUN_LENS_COLOURS: readonly Rgb[] = [
  [12, 12, 14],
  [45, 30, 20],
  [20, 40, 25],
  [20, 25, 50],
  [60, 60, 65],
];
const CLEAR_TINTS: readonly Rgb[] = [
  [255, 255, 255],
  [200, 220, 255],
  [255, 230, 200],
];

export function randomEyewearStyle(kind: EyewearKind, random: Random): EyewearStyle {
  const sun = kind === 'sunglasses';
  return {
    kind,
    lensWidth: between(random, 0.36, 0.47),
    lensAspect: between(random, 0.62, 0.9),
    roundness: pick(random, [2, 2.5, 3.5, 5]),
    frame: sun ? between(random, 0.02, 0.06) : between(random, 0.015, 0.055),
    frameColour: pick(random, FRAME_COLOURS),
    lensColour: sun ? pick(random, SUN_LENS_COLOURS) : pick(random, CLEAR_TINTS),
    lensOpacity: sun ? between(random, 0.78, 0.96) : between(random, 0, 0.12),
    glare: random() < 0.5 ? between(random, 0.08, 0.3) : 0,
  };
}

function centre(points: readonly Point[]): Point {
  const n = Math.max(1, points.length);
  return {
    x: points.reduce((s, p) => s + p.x, 0) / n,
    y: points.reduce((s, p) => s + p.y, 0) / n,
  };
}

function blend(data: Uint8Array, i: number, colour: Rgb, alpha: number): void {
  for (let c = 0; c < 3; c++) {
    const old = data[i + c] ?? 0;
    data[i + c] = Math.round(old + ((colour[c] ?? 0) - old) * alpha);
  }
}

/** Draws on a copy of `img` and returns it; `landmarks` are the 68 iBUG points in its pixels. */
export function drawEyewear(
  img: RgbImage,
  landmarks: readonly Point[],
  style: EyewearStyle,
): RgbImage {
  if (landmarks.length !== 68) throw new Error('drawEyewear needs the 68 landmarks');
  const data = Uint8Array.from(img.data);
  const eyes = [centre(landmarks.slice(36, 42)), centre(landmarks.slice(42, 48))] as const;
  const d = Math.hypot(eyes[1].x - eyes[0].x, eyes[1].y - eyes[0].y);
  const angle = Math.atan2(eyes[1].y - eyes[0].y, eyes[1].x - eyes[0].x);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const a = style.lensWidth * d;
  const b = a * style.lensAspect;
  const t = Math.max(1, style.frame * d);
  const mid = { x: (eyes[0].x + eyes[1].x) / 2, y: (eyes[0].y + eyes[1].y) / 2 };
  // Temples run from the outer lens edge to the face contour at eye height (points 0 and 16).
  const ends = [landmarks[0] ?? eyes[0], landmarks[16] ?? eyes[1]] as const;
  const reach = Math.max(
    Math.hypot(ends[0].x - mid.x, ends[0].y - mid.y),
    Math.hypot(ends[1].x - mid.x, ends[1].y - mid.y),
  );
  const half = reach + t;

  const x0 = Math.max(0, Math.floor(mid.x - half - a));
  const x1 = Math.min(img.width - 1, Math.ceil(mid.x + half + a));
  const y0 = Math.max(0, Math.floor(mid.y - half));
  const y1 = Math.min(img.height - 1, Math.ceil(mid.y + half));
  const n = style.roundness;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      // Coordinates along (u) and across (v) the eye line, from the midpoint between the eyes.
      const dx = x - mid.x;
      const dy = y - mid.y;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      const i = (y * img.width + x) * 3;
      let drawn = false;
      for (const side of [-1, 1]) {
        const lu = u - side * (d / 2);
        // Lens centres sit a little below the eye centres, as glasses rest on the nose.
        const lv = v - 0.04 * d;
        const outer = Math.abs(lu / (a + t / 2)) ** n + Math.abs(lv / (b + t / 2)) ** n;
        if (outer > 1) continue;
        const inner =
          Math.abs(lu / Math.max(1, a - t / 2)) ** n + Math.abs(lv / Math.max(1, b - t / 2)) ** n;
        if (inner > 1) {
          blend(data, i, style.frameColour, 1);
        } else {
          blend(data, i, style.lensColour, style.lensOpacity);
          // A soft diagonal reflection band across the upper part of the lens.
          const band = Math.abs(lu + lv * 1.2 + 0.25 * a) / (0.18 * a);
          if (style.glare > 0 && band < 1)
            blend(data, i, [255, 255, 255], style.glare * (1 - band));
        }
        drawn = true;
      }
      if (drawn) continue;
      // Bridge between the lenses, slightly above the lens centres.
      if (Math.abs(u) <= d / 2 - a + t && Math.abs(v + 0.12 * b) <= t / 2) {
        blend(data, i, style.frameColour, 1);
        continue;
      }
      // Temples: from the outer lens edge outwards along the eye line to the face contour.
      const outward = Math.abs(u) - (d / 2 + a);
      const end = u < 0 ? ends[0] : ends[1];
      const endU = (end.x - mid.x) * cos + (end.y - mid.y) * sin;
      if (outward >= 0 && Math.abs(u) <= Math.abs(endU) && Math.abs(v + 0.3 * b) <= t / 2) {
        blend(data, i, style.frameColour, 1);
      }
    }
  }
  return { width: img.width, height: img.height, data };
}
