import fs from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import { readImageHeader } from '../../../src-main/engine/image/image-header';
import { DEFAULT_IMAGE_LIMITS } from '../../../src-main/engine/image/limits';
import { validateImage } from '../../../src-main/engine/image/validate-image';
import { facedataAvailable, facedataPath } from '../../support/facedata';

function codeOf(bytes: Uint8Array | undefined): string {
  try {
    validateImage(bytes, DEFAULT_IMAGE_LIMITS);
    return 'ok';
  } catch (err) {
    if (err instanceof EngineError) return err.code;
    throw err;
  }
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytesOf = (...parts: (number[] | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** A minimal JPEG header: SOI, APP0 stub, SOF0 with the given size (no scan data). */
function jpegHeader(width: number, height: number): Uint8Array {
  return bytesOf(
    [0xff, 0xd8],
    [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00],
    [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03],
    new Array<number>(9).fill(0),
  );
}

function pngHeader(width: number, height: number): Uint8Array {
  const be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return bytesOf(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    be(13),
    ascii('IHDR'),
    be(width),
    be(height),
    [8, 2, 0, 0, 0],
  );
}

let realJpeg: Uint8Array;
let realPng: Uint8Array;
let tinyJpeg: Uint8Array;
beforeAll(async () => {
  const rgb = { create: { width: 320, height: 200, channels: 3 as const, background: '#808080' } };
  realJpeg = new Uint8Array(await sharp(rgb).jpeg().toBuffer());
  realPng = new Uint8Array(await sharp(rgb).png().toBuffer());
  tinyJpeg = new Uint8Array(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer(),
  );
});

describe('image validation before decode', () => {
  it('reads dimensions of real JPEG and PNG files from their headers', () => {
    expect(readImageHeader(realJpeg)).toEqual({ format: 'jpeg', width: 320, height: 200 });
    expect(readImageHeader(realPng)).toEqual({ format: 'png', width: 320, height: 200 });
    expect(codeOf(realJpeg)).toBe('ok');
    expect(codeOf(realPng)).toBe('ok');
  });

  it.each([
    ['missing', undefined, 'required_field_missing'],
    ['empty', new Uint8Array(0), 'required_field_missing'],
    ['PDF', ascii('%PDF-1.4\n%âãÏÓ\n1 0 obj'), 'image_converting_error'],
    ['GIF', ascii('GIF89a\x10\x00\x10\x00'), 'image_converting_error'],
    ['BMP', ascii('BM6\x00\x00\x00\x00\x00'), 'image_converting_error'],
    ['WebP', ascii('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image_converting_error'],
    ['HTML', ascii('<!DOCTYPE html><html>404</html>'), 'image_converting_error'],
    [
      'ZIP',
      bytesOf([0x50, 0x4b, 0x03, 0x04], new Array<number>(30).fill(0)),
      'image_converting_error',
    ],
    ['JPEG SOI only', bytesOf([0xff, 0xd8]), 'image_converting_error'],
    [
      'JPEG SOI + garbage',
      bytesOf([0xff, 0xd8, 0xff], new Array<number>(100).fill(0x41)),
      'image_converting_error',
    ],
    [
      'JPEG scan before frame',
      bytesOf([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08], new Array<number>(8).fill(0)),
      'image_converting_error',
    ],
    [
      'JPEG segment length 0',
      bytesOf([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00, 0xff, 0xc0]),
      'image_converting_error',
    ],
    ['JPEG SOF cut short', jpegHeader(640, 480).subarray(0, 12), 'image_converting_error'],
    ['JPEG 0x0', jpegHeader(0, 0), 'image_converting_error'],
    ['JPEG 640x0', jpegHeader(640, 0), 'image_converting_error'],
    [
      'PNG without IHDR',
      bytesOf(pngHeader(10, 10).subarray(0, 12), ascii('IDAT'), new Array<number>(12).fill(0)),
      'image_converting_error',
    ],
    ['JPEG 65500x65500 (lying header)', jpegHeader(65500, 65500), 'image_processing_error'],
    ['JPEG 12000x12000 (144 MP)', jpegHeader(12000, 12000), 'image_processing_error'],
    ['PNG 30000x30000 (bomb)', pngHeader(30000, 30000), 'image_processing_error'],
    ['PNG 4000x3 strip', pngHeader(4000, 3), 'image_processing_error'],
    ['PNG 60000x100 (side limit)', pngHeader(60000, 100), 'image_processing_error'],
    ['PNG 2^32-1 wide', pngHeader(0xffffffff, 100), 'image_processing_error'],
    // negative/labels.csv: 48 x 48 and smaller are too small, 64 x 64 is borderline (accepted).
    ['JPEG 48x480 (below min side)', jpegHeader(48, 480), 'image_processing_error'],
    ['JPEG 48x48 (too small)', jpegHeader(48, 48), 'image_processing_error'],
    ['JPEG 49x49 (at min side)', jpegHeader(49, 49), 'ok'],
    ['JPEG 63x480 (was below the old 64 px side)', jpegHeader(63, 480), 'ok'],
    ['JPEG 64x64 (borderline)', jpegHeader(64, 64), 'ok'],
  ])('%s → %s', (_name, bytes, expected) => {
    expect(codeOf(bytes as Uint8Array | undefined)).toBe(expected);
  });

  it('rejects a real 8x8 JPEG as too small and an oversized file before parsing it', () => {
    expect(codeOf(tinyJpeg)).toBe('image_processing_error');
    const big = new Uint8Array(DEFAULT_IMAGE_LIMITS.maxBytes + 1);
    big.set(realJpeg);
    expect(codeOf(big)).toBe('image_processing_error');
  });

  it('skips JPEG fill bytes and stand-alone markers while looking for the frame header', () => {
    const header = jpegHeader(800, 600);
    const withFill = bytesOf(header.subarray(0, 2), [0xff, 0xff, 0xff], header.subarray(2));
    expect(readImageHeader(withFill)).toEqual({ format: 'jpeg', width: 800, height: 600 });
  });

  it('survives random bytes behind a JPEG or PNG magic without throwing anything but EngineError', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let i = 0; i < 500; i++) {
      const body = Array.from({ length: 1 + (i % 64) }, rand);
      const magic =
        i % 2 === 0 ? [0xff, 0xd8, 0xff] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
      expect(['ok', 'image_converting_error', 'image_processing_error']).toContain(
        codeOf(bytesOf(magic, body)),
      );
    }
  });
});

describe.skipIf(!facedataAvailable)('minimum image side on negative/tiny', () => {
  // negative/labels.csv is the rule: `reject:too_small` rows must be refused before decoding,
  // the 64 x 64 face (`policy:borderline`) goes on to the detector.
  // The first three columns (path, label, expected_handling) are never quoted in this file.
  const tiny = fs
    .readFileSync(facedataPath('negative/labels.csv'), 'utf8')
    .split('\n')
    .map((line) => line.split(','))
    .filter(([path]) => path?.startsWith('negative/tiny/face_') === true)
    .map(([path, , expected]) => ({ path, expected_handling: expected }));

  it('refuses every face crop labelled too small and accepts the borderline 64 x 64', () => {
    expect(tiny.length).toBeGreaterThanOrEqual(6);
    for (const row of tiny) {
      const bytes = new Uint8Array(fs.readFileSync(facedataPath(row.path ?? '')));
      const expected =
        row.expected_handling === 'reject:too_small' ? 'image_processing_error' : 'ok';
      expect(codeOf(bytes), row.path).toBe(expected);
    }
    expect(tiny.some((row) => row.expected_handling === 'policy:borderline')).toBe(true);
  });
});
