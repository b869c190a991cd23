/** A decoded, upright, 8-bit RGB image in row-major order (3 bytes per pixel). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}
