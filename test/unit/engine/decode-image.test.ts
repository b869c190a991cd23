// Decoding of the format edge cases in facedata/negative, generated here so the test needs no
// photos: EXIF orientation, CMYK, 16-bit grey, alpha, truncation.
import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../src-main/engine/image/decode-image';
import { DEFAULT_IMAGE_LIMITS } from '../../../src-main/engine/image/limits';
import { validateImage } from '../../../src-main/engine/image/validate-image';
import { EngineError } from '../../../src-main/engine/errors/engine-error';

async function decode(buf: Buffer, maxSide = 1024) {
  const bytes = new Uint8Array(buf);
  return decodeImage(
    bytes,
    validateImage(bytes, DEFAULT_IMAGE_LIMITS),
    DEFAULT_IMAGE_LIMITS,
    maxSide,
  );
}

/** 200x100: left half red, right half blue. */
function redBlue() {
  const data = Buffer.alloc(200 * 100 * 3);
  for (let y = 0; y < 100; y++) {
    for (let x = 0; x < 200; x++) {
      data[(y * 200 + x) * 3 + (x < 100 ? 0 : 2)] = 255;
    }
  }
  return sharp(data, { raw: { width: 200, height: 100, channels: 3 } });
}

/** A 16-bit greyscale PNG written by hand (sharp cannot write 8-bit values into 16-bit samples). */
function grey16Png(width: number, height: number, value: (x: number) => number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 16; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc(height * (1 + width * 2));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.writeUInt16BE(value(x), y * (1 + width * 2) + 1 + x * 2);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('decode with EXIF orientation and colour conversion', () => {
  it('applies EXIF orientation 6 (stored sideways, shown upright)', async () => {
    const jpeg = await redBlue().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const img = await decode(jpeg);
    expect([img.width, img.height]).toEqual([100, 200]);
    expect([img.originalWidth, img.originalHeight]).toEqual([100, 200]);
    // Orientation 6 = rotate 90° clockwise to display: the left (red) half ends on top.
    expect(img.data[(10 * 100 + 50) * 3]).toBeGreaterThan(200);
    expect(img.data[(190 * 100 + 50) * 3 + 2]).toBeGreaterThan(200);
  });

  it('applies EXIF orientation 3 (upside down)', async () => {
    const img = await decode(await redBlue().jpeg().withMetadata({ orientation: 3 }).toBuffer());
    expect([img.width, img.height]).toEqual([200, 100]);
    expect(img.data[(50 * 200 + 10) * 3 + 2]).toBeGreaterThan(200); // blue now on the left
  });

  it('converts CMYK JPEG, 16-bit grey PNG and RGBA PNG to 8-bit RGB', async () => {
    const cmyk = await redBlue().toColourspace('cmyk').jpeg().toBuffer();
    const grey16 = await redBlue().toColourspace('grey16').png().toBuffer();
    const rgba = await redBlue().ensureAlpha(0.5).png().toBuffer();
    for (const buf of [cmyk, grey16, rgba]) {
      const img = await decode(buf);
      expect(img.data.length).toBe(img.width * img.height * 3);
    }
    const fromCmyk = await decode(cmyk);
    expect(fromCmyk.data[(50 * 200 + 10) * 3]).toBeGreaterThan(180);
  });

  it('reads 16-bit grey PNGs holding 8-bit values (PIL "I;16") and true 16-bit ones', async () => {
    for (const [scale, label] of [
      [1, '8-bit values'],
      [257, 'true 16-bit'],
    ] as const) {
      const png = grey16Png(120, 80, (x) => Math.round((x / 119) * 255) * scale);
      const img = await decode(png);
      expect([img.width, img.height], label).toEqual([120, 80]);
      expect(img.data[(40 * 120 + 119) * 3], label).toBeGreaterThan(250);
      expect(img.data[(40 * 120 + 60) * 3], label).toBeGreaterThan(100);
      expect(img.data[(40 * 120 + 60) * 3], label).toBeLessThan(155);
    }
  });

  it('shrinks large images to the working size while decoding', async () => {
    const big = await sharp({
      create: { width: 4000, height: 3000, channels: 3, background: '#444' },
    })
      .jpeg()
      .toBuffer();
    const img = await decode(big, 1024);
    expect([img.width, img.height]).toEqual([1024, 768]);
    expect([img.originalWidth, img.originalHeight]).toEqual([4000, 3000]);
  });

  it('refuses a truncated JPEG with image_converting_error', async () => {
    const jpeg = await redBlue().jpeg().toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expect(decode(cut)).rejects.toSatisfy(
      (e) => e instanceof EngineError && e.code === 'image_converting_error',
    );
  });
});
