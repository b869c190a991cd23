// The grid block: a coarse HOG of the small wide chip (per cell of a 6 x 6 grid, a histogram of
// gradient orientations and the mean colour).

export const GRID_CELLS = 6;
export const GRID_BINS = 6;
export const GRID_LENGTH = GRID_CELLS * GRID_CELLS * (GRID_BINS + 3);

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
