// A photo as the same person would appear further from the camera: the whole image shrunk with
// an antialiasing kernel (lanczos3, as an optical system averages light over each pixel) by
// `factor`, then set in the middle of a mid-grey canvas of at least `canvas` px a side, so that
// the image-size rule plays no part and the detectors see a small face in a larger frame. Used by
// the small-face safety measurement (scripts/covered/small-face-safety.ts) and its attack test.
import sharp from 'sharp';

export async function farAwayFace(
  bytes: Uint8Array,
  factor: number,
  canvas = 160,
): Promise<Uint8Array> {
  // Upright first (EXIF), losslessly as raw pixels, so that the small face is the photo the
  // pipeline sees at full size.
  const { data, info } = await sharp(bytes).rotate().raw().toBuffer({ resolveWithObject: true });
  const w = Math.max(1, Math.round(info.width * factor));
  const h = Math.max(1, Math.round(info.height * factor));
  const padX = Math.max(0, canvas - w);
  const padY = Math.max(0, canvas - h);
  const out = await sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  })
    .resize(w, h, { kernel: 'lanczos3', fit: 'fill' })
    .extend({
      left: Math.floor(padX / 2),
      right: Math.ceil(padX / 2),
      top: Math.floor(padY / 2),
      bottom: Math.ceil(padY / 2),
      background: { r: 128, g: 128, b: 128 },
    })
    .png()
    .toBuffer();
  return new Uint8Array(out);
}
