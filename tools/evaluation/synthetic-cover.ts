// Draws a flat cover over part of a face from its 68 landmarks, to measure how well detection
// and alignment hold when the mouth or the forehead is hidden (docs/covered-faces.md): the same
// face with and without the cover gives a reference for the covered one's landmarks, which real
// masked photos cannot. `mask`: a face mask from mid-nose down over the jaw line;
// `brim`: everything above the eyebrows (a hard hat or a visor pulled down to the brows).
import type { Point2 } from '../../src-main/engine/align/similarity-transform';
import type { RgbImage } from '../../src-main/engine/image/rgb-image';

export type SyntheticCover = 'mask' | 'brim';

const MASK_COLOUR = [168, 196, 222] as const;
const BRIM_COLOUR = [238, 196, 40] as const;

function insidePolygon(x: number, y: number, poly: readonly Point2[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a === undefined || b === undefined) continue;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

const at = (l: readonly Point2[], i: number): Point2 => l[i] ?? { x: 0, y: 0 };

/** The cover's outline in image pixels. */
export function coverPolygon(kind: SyntheticCover, l: readonly Point2[], img: RgbImage): Point2[] {
  if (kind === 'mask') {
    // Jaw points 2..14 (cheek to cheek under the chin), closed over the middle of the nose
    // bridge (point 29), as a surgical mask worn over the nose sits.
    const jaw = Array.from({ length: 13 }, (_, k) => at(l, k + 2));
    return [...jaw, at(l, 29)];
  }
  // From the top of the picture down to a line just above the brows (points 17..26).
  const brows = Array.from({ length: 10 }, (_, k) => at(l, k + 17));
  const eyeGap = Math.abs(at(l, 45).x - at(l, 36).x) * 0.08;
  const line = brows.map((p) => ({ x: p.x, y: p.y - eyeGap }));
  const left = line[0] ?? { x: 0, y: 0 };
  const right = line[line.length - 1] ?? { x: img.width, y: 0 };
  return [
    { x: 0, y: left.y },
    ...line,
    { x: img.width, y: right.y },
    { x: img.width, y: -1 },
    { x: 0, y: -1 },
  ];
}

/** A copy of `img` with the cover painted over the face whose landmarks are `l`. */
export function drawCover(img: RgbImage, l: readonly Point2[], kind: SyntheticCover): RgbImage {
  const poly = coverPolygon(kind, l, img);
  const colour = kind === 'mask' ? MASK_COLOUR : BRIM_COLOUR;
  const data = new Uint8Array(img.data);
  const xs = poly.map((p) => p.x);
  const ys = poly.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(img.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(img.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (insidePolygon(x + 0.5, y + 0.5, poly)) data.set(colour, (y * img.width + x) * 3);
    }
  }
  return { width: img.width, height: img.height, data };
}
