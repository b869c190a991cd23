// Gatekeeper in front of the decoder: magic bytes, header dimensions and limits. Error codes follow
// ARGOS: image_converting_error when the bytes are not a readable JPEG/PNG, image_processing_error
// when the image is readable but unusable (too small, too large).
import { EngineError } from '../errors/engine-error';
import { readImageHeader, sniffFormat, type ImageHeader } from './image-header';
import type { ImageLimits } from './limits';

export function validateImage(bytes: Uint8Array | undefined, limits: ImageLimits): ImageHeader {
  if (bytes === undefined || bytes.length === 0) {
    throw new EngineError('required_field_missing', 'faceImage is empty or missing');
  }
  if (bytes.length > limits.maxBytes) {
    throw new EngineError(
      'image_processing_error',
      `file is ${bytes.length} bytes, limit ${limits.maxBytes}`,
    );
  }
  const format = sniffFormat(bytes);
  if (format === undefined) {
    throw new EngineError('image_converting_error', 'not a JPEG or PNG file (magic bytes)');
  }
  const header = readImageHeader(bytes);
  if (header === undefined) {
    throw new EngineError('image_converting_error', `${format} header unreadable`);
  }
  const { width, height } = header;
  if (width === 0 || height === 0) {
    throw new EngineError('image_converting_error', `${format} header declares ${width}x${height}`);
  }
  if (Math.min(width, height) < limits.minSide) {
    throw new EngineError(
      'image_processing_error',
      `${width}x${height} is smaller than the minimum side ${limits.minSide}`,
    );
  }
  if (Math.max(width, height) > limits.maxSide || width * height > limits.maxPixels) {
    throw new EngineError(
      'image_processing_error',
      `${width}x${height} exceeds the limit of ${limits.maxPixels} pixels or ${limits.maxSide} per side`,
    );
  }
  return header;
}
