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

/** The letterboxed, resized image as float32 NHWC, side x side x 3. */
export function letterboxResize(img: RgbImage, side: number): Float32Array {
  const square = Math.max(img.width, img.height);
  const scale = square / side;
  const out = new Float32Array(side * side * 3);
  // Pixels beyond the image are the zero padding.
  const pixel = (x: number, y: number, c: number): number =>
    x < img.width && y < img.height ? (img.data[(y * img.width + x) * 3 + c] as number) : 0;
  for (let r = 0; r < side; r++) {
    const srcY = r * scale;
    const top = Math.floor(srcY);
    const bottom = Math.min(square - 1, Math.ceil(srcY));
    const dy = srcY - top;
    for (let col = 0; col < side; col++) {
      const srcX = col * scale;
      const left = Math.floor(srcX);
      const right = Math.min(square - 1, Math.ceil(srcX));
      const dx = srcX - left;
      const o = (r * side + col) * 3;
      for (let c = 0; c < 3; c++) {
        const tl = pixel(left, top, c);
        const tr = pixel(right, top, c);
        const bl = pixel(left, bottom, c);
        const br = pixel(right, bottom, c);
        const upper = tl + (tr - tl) * dx;
        const lower = bl + (br - bl) * dx;
        out[o + c] = upper + (lower - upper) * dy;
      }
    }
  }
  return out;
}
