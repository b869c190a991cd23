/** A decoded, upright, 8-bit RGB image in row-major order (3 bytes per pixel). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads a pixel channel with coordinates clamped to the image (edge replication). */
export function channelAt(img: RgbImage, x: number, y: number, c: number): number {
  const cx = x < 0 ? 0 : x >= img.width ? img.width - 1 : x;
  const cy = y < 0 ? 0 : y >= img.height ? img.height - 1 : y;
  return img.data[(cy * img.width + cx) * 3 + c] ?? 0;
}
