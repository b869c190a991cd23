// The thumbnail task: made in a real pool worker, with the same gatekeeper as analysis, so main
// never decodes the image (issue 11). Synthetic images; no photos needed.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceEngine, type FaceEngine } from '../../../src-main/engine';
import { syntheticJpeg } from '../../support/images';
import { silentLogger } from './facedata-guard';

/** A PNG whose header declares 30000x30000 pixels in a few hundred bytes. */
function pngBomb(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

describe('thumbnail task in the engine worker', () => {
  let engine: FaceEngine;
  beforeAll(async () => {
    engine = await createFaceEngine({ workers: 1, maxQueue: 4, logger: silentLogger });
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });

  it('makes a 160x160 JPEG and leaves the caller’s bytes intact', async () => {
    const image = await syntheticJpeg(320, 240);
    const copy = image.slice();
    const thumbnail = await engine.thumbnail(image);
    const meta = await sharp(thumbnail).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 160, height: 160 });
    expect(image).toEqual(copy);
  });

  it.each([
    ['bytes that are no image', new Uint8Array([1, 2, 3, 4, 5]), 'image_converting_error'],
    ['a truncated JPEG', 'truncated', 'image_converting_error'],
    ['a decompression bomb', pngBomb(), 'image_processing_error'],
  ] as const)('refuses %s with a typed error', async (_name, input, code) => {
    const image = input === 'truncated' ? (await syntheticJpeg(320, 240)).subarray(0, 600) : input;
    await expect(engine.thumbnail(image)).rejects.toMatchObject({ code });
    // The worker survives and serves the next thumbnail.
    expect((await engine.thumbnail(await syntheticJpeg(200, 200))).byteLength).toBeGreaterThan(0);
  });
});
