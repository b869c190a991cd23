// A small reference picture for the operator's result panel (reference beside capture). It runs
// in the engine's worker, like every other decode of an untrusted image: the main process, which
// holds the data keys, never runs an image decoder (issue 11). The same gatekeeper as analysis
// (magic bytes, header dimensions, pixel limits) runs before libvips sees the bytes.
import sharp from 'sharp';
import { EngineError } from '../errors/engine-error';
import { DEFAULT_IMAGE_LIMITS } from './limits';
import { validateImage } from './validate-image';

const THUMBNAIL_SIDE = 160;

export async function makeThumbnail(bytes: Uint8Array): Promise<Uint8Array> {
  validateImage(bytes, DEFAULT_IMAGE_LIMITS);
  try {
    return new Uint8Array(
      await sharp(bytes, { failOn: 'truncated', limitInputPixels: DEFAULT_IMAGE_LIMITS.maxPixels })
        .rotate()
        .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'cover' })
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
  } catch (error) {
    throw new EngineError('image_converting_error', `thumbnail: ${String(error)}`);
  }
}
