// Reads format and pixel dimensions from JPEG/PNG headers without decoding, so that limits can be
// enforced before a decoder allocates anything. Only JPEG and PNG are accepted, as ARGOS FaceAuth
// documents ("faceImage: file (JPEG/PNG)").
import { sniffImageFormat, type ImageFormat } from '../../../src-shared/image-format';

export type { ImageFormat };

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  return sniffImageFormat(bytes) ?? undefined;
}

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32be(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) >>> 0) +
    ((bytes[at + 1] ?? 0) << 16) +
    ((bytes[at + 2] ?? 0) << 8) +
    (bytes[at + 3] ?? 0)
  );
}

/** PNG: the first chunk must be IHDR (PNG spec 11.2.2); width and height follow its type. */
function readPngHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length < 24) return undefined;
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') return undefined;
  return { format: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) };
}

/** SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: walk the marker segments (ITU T.81 B.1.1) up to the first SOFn, never past the data. */
function readJpegHeader(bytes: Uint8Array): ImageHeader | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Stand-alone markers have no length field.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    // Start of scan or end of image before any frame header: nothing to decode.
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = u16be(bytes, at + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { format: 'jpeg', height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Returns the header, or undefined when the bytes are not a JPEG/PNG with a readable header. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const format = sniffFormat(bytes);
  if (format === 'png') return readPngHeader(bytes);
  if (format === 'jpeg') return readJpegHeader(bytes);
  return undefined;
}
