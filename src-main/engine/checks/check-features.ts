// Features for the attribute checks (occlusion, face cover, head cover), computed inside an engine
// pool worker from what the verification pipeline already has: the decoded image, the 68-landmark
// similarity transform, the aligned chip and the recognition network's own activations on it.
// Blocks, each computed only when a check the policy enables needs it:
//   chip       - the 128-D FaceRecognitionNet descriptor of the aligned 150 px chip (free);
//   face_top, face_eyes, face_lower
//              - the network's 128-channel stage (an 8 x 8 map on the 150 px chip) averaged over
//                its top quarter (forehead, brim of a cap or helmet), second quarter (eyes) and
//                lower half (nose, mouth, chin). The verification pass computes them anyway
//                (tfjs-recognition-trunk.ts), so they are free too;
//   face_deep  - the mean of the network's first 256-channel stage (free, same pass);
//   stats      - colour and texture statistics of regions the landmarks define (eyes, nose/cheeks,
//                mouth/chin on the aligned chip; forehead, crown, beside the head on a small wide
//                chip), plain TypeScript;
//   grid       - a coarse HOG: per cell of a 6 x 6 grid over the small wide chip, a histogram of
//                gradient orientations (6 bins, magnitude-weighted) and the mean colour.
// The small wide chip is 64 px: sampling it costs about a millisecond.
import { applyTransform, type SimilarityTransform } from '../align/similarity-transform';
import type { RgbImage } from '../image/rgb-image';
import { samplePatch } from '../image/resample';
import type { TrunkFeatures } from '../networks/face-networks';

export const FEATURE_BLOCKS = [
  'chip',
  'face_top',
  'face_eyes',
  'face_lower',
  'face_deep',
  'stats',
  'grid',
] as const;
export type FeatureBlock = (typeof FEATURE_BLOCKS)[number];
export type CheckFeatures = Partial<Record<FeatureBlock, number[]>>;

/** Blocks read from the recognition network's activations on the aligned chip. */
export const TRUNK_BLOCKS: readonly FeatureBlock[] = [
  'face_top',
  'face_eyes',
  'face_lower',
  'face_deep',
];

export function needsTrunk(blocks: readonly FeatureBlock[]): boolean {
  return blocks.some((b) => TRUNK_BLOCKS.includes(b));
}

/** Row bands of the 128-channel map, as shares of its height (8 rows on the 150 px chip: rows
 *  0-1, 2-3 and 4-7). */
const TRUNK_BANDS = {
  face_top: [0, 0.25],
  face_eyes: [0.25, 0.5],
  face_lower: [0.5, 1],
} as const;

/** Mean over the rows of `trunk.rows128` in a band [from, to) of the map's height. */
export function trunkBand(trunk: TrunkFeatures, from: number, to: number): number[] {
  const channels = trunk.rows128.length / trunk.rows;
  const first = Math.min(trunk.rows - 1, Math.floor(from * trunk.rows));
  const last = Math.max(first + 1, Math.ceil(to * trunk.rows));
  const out = new Array<number>(channels).fill(0);
  for (let r = first; r < last; r++) {
    for (let c = 0; c < channels; c++) {
      out[c] = (out[c] ?? 0) + (trunk.rows128[r * channels + c] ?? 0) / (last - first);
    }
  }
  return out;
}

/** The aligned chip's geometry (face-chip.ts): 150 px, dlib padding 0.25. */
const CHIP_SIZE = 150;
const CHIP_PADDING = 0.25;

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
export const GRID_CELLS = 6;
export const GRID_BINS = 6;
export const GRID_LENGTH = GRID_CELLS * GRID_CELLS * (GRID_BINS + 3);

/** Per region: mean R, G, B; luma std; mean gradient magnitude; skin share; dark share; bright
 *  share; mean saturation. */
export const STATS_PER_REGION = 9;
export const STATS_LENGTH = (CHIP_REGIONS.length + WIDE_REGIONS.length) * STATS_PER_REGION + 2;

/** Length of each block, so a model file can be checked against the features it will read. */
export const BLOCK_LENGTH: Readonly<Record<FeatureBlock, number>> = {
  chip: 128,
  face_top: 128,
  face_eyes: 128,
  face_lower: 128,
  face_deep: 256,
  stats: STATS_LENGTH,
  grid: GRID_LENGTH,
};

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

/** Colour/texture statistics of one rectangular region of an RGB patch. */
export function regionStats(
  patch: Uint8Array,
  size: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): number[] {
  const xa = Math.max(1, Math.floor(x0));
  const xb = Math.min(size - 1, Math.ceil(x1));
  const ya = Math.max(1, Math.floor(y0));
  const yb = Math.min(size - 1, Math.ceil(y1));
  let n = 0;
  let sr = 0;
  let sg = 0;
  let sb = 0;
  let sy = 0;
  let syy = 0;
  let grad = 0;
  let skin = 0;
  let dark = 0;
  let bright = 0;
  let sat = 0;
  const luma = (i: number): number =>
    0.299 * (patch[i] ?? 0) + 0.587 * (patch[i + 1] ?? 0) + 0.114 * (patch[i + 2] ?? 0);
  for (let y = ya; y < yb; y++) {
    for (let x = xa; x < xb; x++) {
      const i = (y * size + x) * 3;
      const r = patch[i] ?? 0;
      const g = patch[i + 1] ?? 0;
      const b = patch[i + 2] ?? 0;
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      sr += r;
      sg += g;
      sb += b;
      sy += l;
      syy += l * l;
      grad +=
        Math.abs(luma(i + 3) - luma(i - 3)) + Math.abs(luma(i + size * 3) - luma(i - size * 3));
      const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
      const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      if (cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173) skin++;
      if (l < 50) dark++;
      if (l > 205) bright++;
      const mx = Math.max(r, g, b);
      sat += mx > 0 ? (mx - Math.min(r, g, b)) / mx : 0;
      n++;
    }
  }
  if (n === 0) return new Array<number>(STATS_PER_REGION).fill(0);
  const mean = sy / n;
  return [
    sr / n / 255,
    sg / n / 255,
    sb / n / 255,
    Math.sqrt(Math.max(0, syy / n - mean * mean)) / 128,
    grad / n / 255,
    skin / n,
    dark / n,
    bright / n,
    sat / n,
  ];
}

function statsOf(
  patch: Uint8Array,
  size: number,
  padding: number,
  shift: number,
  regions: readonly UnitRegion[],
): number[] {
  return regions.flatMap((r) =>
    regionStats(
      patch,
      size,
      unitToChip(r.x0, size, padding),
      unitToChip(r.x1, size, padding),
      unitToChip(r.y0, size, padding, shift),
      unitToChip(r.y1, size, padding, shift),
    ),
  );
}

/** The stats block: chip regions, wide-chip regions, then two contrasts (eyes vs cheeks luma
 *  and mouth vs cheeks skin share). */
export function statsBlock(
  chip: Uint8Array,
  wideChip: Uint8Array,
  wideSize = SMALL_WIDE_SIZE,
): number[] {
  const face = statsOf(chip, CHIP_SIZE, CHIP_PADDING, 0, CHIP_REGIONS);
  const head = statsOf(wideChip, wideSize, WIDE_PADDING, WIDE_SHIFT_UP, WIDE_REGIONS);
  const lum = (k: number): number =>
    0.299 * (face[k * STATS_PER_REGION] ?? 0) +
    0.587 * (face[k * STATS_PER_REGION + 1] ?? 0) +
    0.114 * (face[k * STATS_PER_REGION + 2] ?? 0);
  const skin = (k: number): number => face[k * STATS_PER_REGION + 5] ?? 0;
  return [...face, ...head, lum(0) - lum(1), skin(2) - skin(1)];
}

/** Coarse HOG of an RGB patch: per cell, GRID_BINS unsigned-orientation bins of gradient
 *  magnitude (normalised by the cell's total) and the cell's mean colour. */
export function gridBlock(patch: Uint8Array, size: number, cells = GRID_CELLS): number[] {
  const luma = new Float32Array(size * size);
  for (let i = 0; i < size * size; i++) {
    luma[i] =
      (0.299 * (patch[i * 3] ?? 0) +
        0.587 * (patch[i * 3 + 1] ?? 0) +
        0.114 * (patch[i * 3 + 2] ?? 0)) /
      255;
  }
  const per = GRID_BINS + 3;
  const hist = new Float64Array(cells * cells * per);
  const count = new Float64Array(cells * cells);
  const cellOf = (v: number): number => Math.min(cells - 1, Math.floor((v * cells) / size));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = cellOf(y) * cells + cellOf(x);
      const i = y * size + x;
      const gx =
        (luma[Math.min(size - 1, x + 1) + y * size] ?? 0) -
        (luma[Math.max(0, x - 1) + y * size] ?? 0);
      const gy =
        (luma[x + Math.min(size - 1, y + 1) * size] ?? 0) -
        (luma[x + Math.max(0, y - 1) * size] ?? 0);
      const mag = Math.hypot(gx, gy);
      let angle = Math.atan2(gy, gx);
      if (angle < 0) angle += Math.PI;
      const bin = Math.min(GRID_BINS - 1, Math.floor((angle / Math.PI) * GRID_BINS));
      hist[c * per + bin] = (hist[c * per + bin] ?? 0) + mag;
      for (let k = 0; k < 3; k++) {
        hist[c * per + GRID_BINS + k] =
          (hist[c * per + GRID_BINS + k] ?? 0) + (patch[i * 3 + k] ?? 0) / 255;
      }
      count[c] = (count[c] ?? 0) + 1;
    }
  }
  const out: number[] = [];
  for (let c = 0; c < cells * cells; c++) {
    let total = 1e-6;
    for (let b = 0; b < GRID_BINS; b++) total += hist[c * per + b] ?? 0;
    for (let b = 0; b < GRID_BINS; b++) out.push((hist[c * per + b] ?? 0) / total);
    for (let k = 0; k < 3; k++)
      out.push((hist[c * per + GRID_BINS + k] ?? 0) / Math.max(1, count[c] ?? 0));
  }
  return out;
}

export interface FeatureInputs {
  img: RgbImage;
  transform: SimilarityTransform;
  chip: Uint8Array;
  descriptor: Float32Array;
  /** The recognition network's activations on `chip`, when a trunk block is asked for. */
  trunk?: TrunkFeatures;
}

/** Computes the requested blocks only. */
export function computeCheckFeatures(
  blocks: readonly FeatureBlock[],
  input: FeatureInputs,
): CheckFeatures {
  const out: CheckFeatures = {};
  if (blocks.includes('chip')) out.chip = Array.from(input.descriptor);
  if (needsTrunk(blocks)) {
    const trunk = input.trunk;
    if (trunk === undefined) throw new Error('trunk features asked for but not computed');
    for (const [block, [from, to]] of Object.entries(TRUNK_BANDS)) {
      if (blocks.includes(block as FeatureBlock)) {
        out[block as FeatureBlock] = trunkBand(trunk, from, to);
      }
    }
    if (blocks.includes('face_deep')) out.face_deep = Array.from(trunk.mean256);
  }
  if (blocks.includes('stats') || blocks.includes('grid')) {
    const small = extractWideChip(input.img, input.transform, SMALL_WIDE_SIZE);
    if (blocks.includes('stats')) out.stats = statsBlock(input.chip, small);
    if (blocks.includes('grid')) out.grid = gridBlock(small, SMALL_WIDE_SIZE);
  }
  return out;
}
