// Decodes a validated JPEG/PNG into upright 8-bit RGB with sharp (libvips). EXIF orientation is
// applied so that a phone photo stored sideways is seen upright; alpha is flattened on white; CMYK,
// greyscale and 16-bit inputs are converted to sRGB 8-bit; large images are shrunk while decoding
// (JPEG shrink-on-load) because nothing downstream needs more than `maxWorkingSide` pixels.
import sharp from 'sharp';
import { EngineError } from '../errors/engine-error';
import type { ImageHeader } from './image-header';
import type { ImageLimits } from './limits';
import type { RgbImage } from './rgb-image';

export interface DecodedImage extends RgbImage {
  /** Size of the upright image before any downscale, for reporting. */
  originalWidth: number;
  originalHeight: number;
}

/** PNG IHDR: bit depth at byte 24, colour type at 25 (0 grey, 4 grey+alpha). */
function isGrey16Png(bytes: Uint8Array, header: ImageHeader): boolean {
  return header.format === 'png' && bytes[24] === 16 && (bytes[25] === 0 || bytes[25] === 4);
}

/**
 * 16-bit greyscale PNGs come in two flavours: true 16-bit samples, and 8-bit values stored in
 * 16-bit samples (what PIL writes for mode "I;16" conversions; facedata/negative/format_edge/
 * gray16.png is one). A strict conversion shows the second kind as black, so the sample range
 * decides: a maximum below 256 means 8-bit values, otherwise samples are scaled by 1/257.
 */
async function grey16Source(bytes: Uint8Array, opts: sharp.SharpOptions): Promise<sharp.Sharp> {
  const { data, info } = await sharp(bytes, opts)
    .rotate()
    .toColourspace('grey16')
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true });
  const samples = new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2);
  let max = 0;
  for (const v of samples) if (v > max) max = v;
  const divisor = max < 256 ? 1 : 257;
  const grey8 = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) grey8[i] = Math.round((samples[i] ?? 0) / divisor);
  return sharp(grey8, {
    raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 },
  });
}

export async function decodeImage(
  bytes: Uint8Array,
  header: ImageHeader,
  limits: ImageLimits,
  maxWorkingSide: number,
): Promise<DecodedImage> {
  try {
    // failOn 'truncated': a JPEG cut short decodes to grey garbage in most decoders; refusing it
    // gives a clear image_converting_error instead of a misleading no_face.
    const opts: sharp.SharpOptions = { failOn: 'truncated', limitInputPixels: limits.maxPixels };
    const source = isGrey16Png(bytes, header)
      ? await grey16Source(bytes, opts)
      : sharp(bytes, opts).rotate();
    const { data, info } = await source
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .resize(maxWorkingSide, maxWorkingSide, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) {
      throw new EngineError('image_processing_error', `decoder returned ${info.channels} channels`);
    }
    // Orientations 5-8 swap the axes; the header holds the stored (unrotated) size.
    const swapped = info.width > info.height !== header.width > header.height;
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      originalWidth: swapped ? header.height : header.width,
      originalHeight: swapped ? header.width : header.height,
    };
  } catch (err) {
    if (err instanceof EngineError) throw err;
    throw new EngineError('image_converting_error', `decode failed: ${String(err)}`, {
      cause: err,
    });
  }
}
