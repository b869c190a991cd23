// The thumbnail task: made in a real pool worker, with the same gatekeeper as analysis, so main
// never decodes the image (issue 11). Synthetic images; no photos needed.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceEngine, type FaceEngine } from '../../../src-main/engine';
import { syntheticJpeg } from '../../support/images';
import { silentLogger } from './facedata-guard';
import { pngBomb } from '../../support/hostile-images';

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
