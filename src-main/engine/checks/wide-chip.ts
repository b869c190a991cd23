// Geometry shared by the stats and grid blocks: the aligned chip, the wide chip that reaches the
// crown and beside the head, the face regions in dlib mean-face units, and sampling the wide chip.
import { applyTransform, type SimilarityTransform } from '../align/similarity-transform';
import type { RgbImage } from '../image/rgb-image';
import { samplePatch } from '../image/resample';

/** The aligned chip's geometry (face-chip.ts): 150 px, dlib padding 0.25. */
export const CHIP_SIZE = 150;
export const CHIP_PADDING = 0.25;

/** The wide chip: padding 0.6 around the dlib mean face, shifted up by 0.35 face units, so it
 *  spans unit y -0.95..1.25 (crown to chin) and x -0.6..1.6. */
export const WIDE_PADDING = 0.6;
export const WIDE_SHIFT_UP = 0.35;

/** A region in dlib mean-face units (0..1 spans brow to chin, cheek to cheek). */
export interface UnitRegion {
  name: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export const CHIP_REGIONS: readonly UnitRegion[] = [
  { name: 'eyes', x0: 0.08, x1: 0.92, y0: 0.12, y1: 0.32 },
  { name: 'nose_cheeks', x0: 0.15, x1: 0.85, y0: 0.36, y1: 0.62 },
  { name: 'mouth_chin', x0: 0.22, x1: 0.78, y0: 0.66, y1: 1.0 },
];
export const WIDE_REGIONS: readonly UnitRegion[] = [
  { name: 'forehead', x0: 0.1, x1: 0.9, y0: -0.3, y1: 0.0 },
  { name: 'crown', x0: 0.05, x1: 0.95, y0: -0.9, y1: -0.35 },
  { name: 'beside_head', x0: -0.55, x1: -0.15, y0: -0.6, y1: 0.2 },
  { name: 'crown_left', x0: -0.1, x1: 0.3, y0: -0.75, y1: -0.3 },
  { name: 'crown_mid', x0: 0.3, x1: 0.7, y0: -0.75, y1: -0.3 },
  { name: 'crown_right', x0: 0.7, x1: 1.1, y0: -0.75, y1: -0.3 },
  { name: 'top_strip', x0: 0.0, x1: 1.0, y0: -0.95, y1: -0.75 },
  { name: 'temples', x0: -0.3, x1: 0.05, y0: -0.2, y1: 0.3 },
];

/** Side of the small wide chip the stats and grid blocks read. */
export const SMALL_WIDE_SIZE = 64;

/** Pixel coordinates in a chip of `size` with `padding` (and upward shift) of a unit coordinate. */
export function unitToChip(unit: number, size: number, padding: number, shift = 0): number {
  return ((padding + unit + shift) / (2 * padding + 1)) * size;
}

/** Samples the wide chip: the aligned chip's transform rescaled to another padding and shift. */
export function extractWideChip(
  img: RgbImage,
  chipTransform: SimilarityTransform,
  size = CHIP_SIZE,
): Uint8Array {
  // chip pixel p = ((0.25 + m) / 1.5) * 150, so m = p * 1.5 / 150 - 0.25; the wide chip's pixel
  // q has m = q * (2w + 1) / size - w - shift. Map q to a chip pixel, then through the transform.
  const k = (2 * WIDE_PADDING + 1) / size;
  const toChip = (q: number, shift: number): number =>
    ((CHIP_PADDING + q * k - WIDE_PADDING - shift) / (2 * CHIP_PADDING + 1)) * CHIP_SIZE;
  const scale = Math.hypot(chipTransform.a, chipTransform.b) * ((k * CHIP_SIZE) / 1.5);
  return samplePatch(
    img,
    size,
    (u, v) => applyTransform(chipTransform, { x: toChip(u, 0), y: toChip(v, WIDE_SHIFT_UP) }),
    scale,
  );
}
