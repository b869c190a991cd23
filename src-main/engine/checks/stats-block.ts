// The stats block: colour and texture statistics of the regions the landmarks define, on the
// aligned chip (eyes, nose/cheeks, mouth/chin) and on the small wide chip (forehead, crown, beside
// the head), plus two contrasts.
import {
  CHIP_PADDING,
  CHIP_REGIONS,
  CHIP_SIZE,
  SMALL_WIDE_SIZE,
  unitToChip,
  WIDE_PADDING,
  WIDE_REGIONS,
  WIDE_SHIFT_UP,
  type UnitRegion,
} from './wide-chip';

/** Per region: mean R, G, B; luma std; mean gradient magnitude; skin share; dark share; bright
 *  share; mean saturation. */
export const STATS_PER_REGION = 9;
export const STATS_LENGTH = (CHIP_REGIONS.length + WIDE_REGIONS.length) * STATS_PER_REGION + 2;

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
