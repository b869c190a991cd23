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

export async function decodeImage(
  bytes: Uint8Array,
  header: ImageHeader,
  limits: ImageLimits,
  maxWorkingSide: number,
): Promise<DecodedImage> {
  try {
    // failOn 'truncated': a JPEG cut short decodes to grey garbage in most decoders; refusing it
    // gives a clear image_converting_error instead of a misleading no_face.
    const base = sharp(bytes, { failOn: 'truncated', limitInputPixels: limits.maxPixels })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb');
    const { data, info } = await base
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
