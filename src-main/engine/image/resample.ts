// Resampling helpers in plain TypeScript: the crops are small (112 or 150 px squares), so doing
// them here costs about a millisecond and keeps the tensors fed to the networks exactly defined.
import sharp from 'sharp';
import type { RgbImage } from './rgb-image';

/** Maps an output pixel (u, v) to image coordinates. */
export type PixelMapping = (u: number, v: number) => { x: number; y: number };

/**
 * Samples a size x size RGB patch. When one output pixel spans `scale` > 1 image pixels, each
 * output pixel averages a grid of ceil(scale)^2 (at most 16) bilinear samples so that shrinking a
 * large face does not alias (what dlib's chip extractor does with an image pyramid). Outside the
 * image the edge pixel is repeated.
 */
export function samplePatch(
  img: RgbImage,
  size: number,
  map: PixelMapping,
  scale: number,
): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  const k = Math.max(1, Math.min(4, Math.ceil(scale - 0.25)));
  const step = 1 / k;
  const offset = (1 - step) / 2;
  const { width, height, data } = img;
  const maxX = width - 1;
  const maxY = height - 1;
  const acc = [0, 0, 0];
  // Adds the bilinear sample at (x, y) to acc, coordinates clamped to the image.
  const addSample = (x: number, y: number): void => {
    const fx = Math.floor(x);
    const fy = Math.floor(y);
    const dx = x - fx;
    const dy = y - fy;
    const x0 = fx < 0 ? 0 : fx > maxX ? maxX : fx;
    const x1 = fx + 1 < 0 ? 0 : fx + 1 > maxX ? maxX : fx + 1;
    const y0 = fy < 0 ? 0 : fy > maxY ? maxY : fy;
    const y1 = fy + 1 < 0 ? 0 : fy + 1 > maxY ? maxY : fy + 1;
    const i00 = (y0 * width + x0) * 3;
    const i01 = (y0 * width + x1) * 3;
    const i10 = (y1 * width + x0) * 3;
    const i11 = (y1 * width + x1) * 3;
    for (let c = 0; c < 3; c++) {
      const top = (data[i00 + c] ?? 0) * (1 - dx) + (data[i01 + c] ?? 0) * dx;
      const bottom = (data[i10 + c] ?? 0) * (1 - dx) + (data[i11 + c] ?? 0) * dx;
      acc[c] = (acc[c] ?? 0) + top * (1 - dy) + bottom * dy;
    }
  };
  const n = k * k;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      acc[0] = 0;
      acc[1] = 0;
      acc[2] = 0;
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < k; i++) {
          const p = map(u - offset + i * step, v - offset + j * step);
          addSample(p.x, p.y);
        }
      }
      const o = (v * size + u) * 3;
      out[o] = Math.round((acc[0] ?? 0) / n);
      out[o + 1] = Math.round((acc[1] ?? 0) / n);
      out[o + 2] = Math.round((acc[2] ?? 0) / n);
    }
  }
  return out;
}

/** Adds a uniform grey border: tight face crops need context before a detector finds the face. */
export function padImage(img: RgbImage, pad: number, grey = 128): RgbImage {
  const width = img.width + 2 * pad;
  const height = img.height + 2 * pad;
  const data = new Uint8Array(width * height * 3).fill(grey);
  for (let y = 0; y < img.height; y++) {
    const src = img.data.subarray(y * img.width * 3, (y + 1) * img.width * 3);
    data.set(src, ((y + pad) * width + pad) * 3);
  }
  return { width, height, data };
}

/** Shrinks (never enlarges) to fit maxSide; `scale` maps result coordinates back to the input. */
export async function shrinkToFit(
  img: RgbImage,
  maxSide: number,
): Promise<{ image: RgbImage; scale: number }> {
  const longer = Math.max(img.width, img.height);
  if (longer <= maxSide) return { image: img, scale: 1 };
  const { data, info } = await sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: 3 },
  })
    .resize(maxSide, maxSide, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    image: { width: info.width, height: info.height, data: new Uint8Array(data) },
    scale: img.width / info.width,
  };
}
