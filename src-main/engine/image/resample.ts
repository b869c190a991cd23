// Resampling helpers in plain TypeScript: the crops are small (112 or 150 px squares), so doing
// them here costs about a millisecond and keeps the tensors fed to the networks exactly defined.
import sharp from 'sharp';
import { channelAt, type RgbImage } from './rgb-image';

/** Maps an output pixel (u, v) to image coordinates. */
export type PixelMapping = (u: number, v: number) => { x: number; y: number };

function bilinear(img: RgbImage, x: number, y: number, c: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const dx = x - x0;
  const dy = y - y0;
  const top = channelAt(img, x0, y0, c) * (1 - dx) + channelAt(img, x0 + 1, y0, c) * dx;
  const bottom = channelAt(img, x0, y0 + 1, c) * (1 - dx) + channelAt(img, x0 + 1, y0 + 1, c) * dx;
  return top * (1 - dy) + bottom * dy;
}

/**
 * Samples a size x size RGB patch. When one output pixel spans `scale` > 1 image pixels, each
 * output pixel averages a grid of ceil(scale)^2 (at most 16) bilinear samples so that shrinking a
 * large face does not alias (what dlib's chip extractor does with an image pyramid).
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
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < k; i++) {
          const p = map(u - offset + i * step, v - offset + j * step);
          r += bilinear(img, p.x, p.y, 0);
          g += bilinear(img, p.x, p.y, 1);
          b += bilinear(img, p.x, p.y, 2);
        }
      }
      const o = (v * size + u) * 3;
      const n = k * k;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
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
