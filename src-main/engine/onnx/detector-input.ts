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
  /** Byte offsets of the two neighbouring source pixels along one axis, clamped into the image. */
  low: Int32Array;
  high: Int32Array;
  /** 1 where the tap lies in the image, 0 where it lies in the zero padding. */
  lowInside: Float64Array;
  highInside: Float64Array;
  frac: Float64Array;
}

/** Source taps for each destination index along one axis (TensorFlow's legacy mapping). */
function taps(side: number, square: number, extent: number, stride: number): Taps {
  const scale = square / side;
  const t: Taps = {
    low: new Int32Array(side),
    high: new Int32Array(side),
    lowInside: new Float64Array(side),
    highInside: new Float64Array(side),
    frac: new Float64Array(side),
  };
  for (let i = 0; i < side; i++) {
    const src = i * scale;
    const low = Math.floor(src);
    const high = Math.min(square - 1, Math.ceil(src));
    t.low[i] = Math.min(low, extent - 1) * stride;
    t.high[i] = Math.min(high, extent - 1) * stride;
    t.lowInside[i] = low < extent ? 1 : 0;
    t.highInside[i] = high < extent ? 1 : 0;
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
  // Taps in the padding read a clamped pixel and weigh it by 0: no branch in the inner loop.
  let o = 0;
  for (let r = 0; r < side; r++) {
    const top = rows.low[r] as number;
    const bottom = rows.high[r] as number;
    const inTop = rows.lowInside[r] as number;
    const inBottom = rows.highInside[r] as number;
    const dy = rows.frac[r] as number;
    for (let col = 0; col < side; col++) {
      const left = cols.low[col] as number;
      const right = cols.high[col] as number;
      const inLeft = cols.lowInside[col] as number;
      const inRight = cols.highInside[col] as number;
      const dx = cols.frac[col] as number;
      const wTL = inTop * inLeft;
      const wTR = inTop * inRight;
      const wBL = inBottom * inLeft;
      const wBR = inBottom * inRight;
      for (let c = 0; c < 3; c++) {
        const tl = (src[top + left + c] as number) * wTL;
        const tr = (src[top + right + c] as number) * wTR;
        const bl = (src[bottom + left + c] as number) * wBL;
        const br = (src[bottom + right + c] as number) * wBR;
        const upper = tl + (tr - tl) * dx;
        const lower = bl + (br - bl) * dx;
        out[o++] = upper + (lower - upper) * dy;
      }
    }
  }
  return out;
}
