// What face-api does to an image before a detector sees it (NetInput.toBatchTensor with
// isCenterInputs false): pad the shorter side with black at the bottom or right to a square, then
// tf.image.resizeBilinear to the network side with alignCorners and halfPixelCenters both false
// (TensorFlow's legacy sampling: source = destination x in/out, no half-pixel shift).
import type { RgbImage } from '../image/rgb-image';

/** face-api's computeReshapedDimensions: the image's size inside the letterboxed square. */
export function reshapedDimensions(
  width: number,
  height: number,
  side: number,
): { width: number; height: number } {
  const scale = side / Math.max(width, height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

interface Taps {
  /** Byte offsets of the two neighbouring source pixels along one axis, -1 in the padding. */
  low: Int32Array;
  high: Int32Array;
  frac: Float64Array;
}

/** Source taps for each destination index along one axis (TensorFlow's legacy mapping). */
function taps(side: number, square: number, extent: number, stride: number): Taps {
  const scale = square / side;
  const t = { low: new Int32Array(side), high: new Int32Array(side), frac: new Float64Array(side) };
  for (let i = 0; i < side; i++) {
    const src = i * scale;
    const low = Math.floor(src);
    const high = Math.min(square - 1, Math.ceil(src));
    t.low[i] = low < extent ? low * stride : -1;
    t.high[i] = high < extent ? high * stride : -1;
    t.frac[i] = src - low;
  }
  return t;
}

/** The letterboxed, resized image as float32 NHWC, side x side x 3. */
export function letterboxResize(img: RgbImage, side: number): Float32Array {
  const square = Math.max(img.width, img.height);
  const rows = taps(side, square, img.height, img.width * 3);
  const cols = taps(side, square, img.width, 3);
  const src = img.data;
  const out = new Float32Array(side * side * 3);
  // A tap outside the image reads the zero padding.
  const at = (row: number, col: number, c: number): number =>
    row < 0 || col < 0 ? 0 : (src[row + col + c] as number);
  for (let r = 0; r < side; r++) {
    const top = rows.low[r] as number;
    const bottom = rows.high[r] as number;
    const dy = rows.frac[r] as number;
    for (let col = 0; col < side; col++) {
      const left = cols.low[col] as number;
      const right = cols.high[col] as number;
      const dx = cols.frac[col] as number;
      const o = (r * side + col) * 3;
      for (let c = 0; c < 3; c++) {
        const tl = at(top, left, c);
        const tr = at(top, right, c);
        const bl = at(bottom, left, c);
        const br = at(bottom, right, c);
        const upper = tl + (tr - tl) * dx;
        const lower = bl + (br - bl) * dx;
        out[o + c] = upper + (lower - upper) * dy;
      }
    }
  }
  return out;
}
