import { describe, expect, it } from 'vitest';
import { imageMimeType, sniffImageFormat } from '../../../src-shared/image-format';

describe('image sniffing', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'png'],
    [[0x47, 0x49, 0x46, 0x38], null],
    [[0xff, 0xd8], null],
    [[], null],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a], null],
  ])('%j → %s', (bytes, expected) => {
    expect(sniffImageFormat(new Uint8Array(bytes))).toBe(expected);
  });
});

describe('imageMimeType', () => {
  it('names the upload type ARGOS expects for each format', () => {
    expect(imageMimeType('png')).toBe('image/png');
    expect(imageMimeType('jpeg')).toBe('image/jpeg');
  });
});
