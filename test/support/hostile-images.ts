// Images made to hurt a decoder, built byte by byte (no decoder involved in making them), for
// the engine's thumbnail task and the image-decoding attacks alike.
import { deflateSync } from 'node:zlib';

/**
 * A PNG whose header declares 30000x30000 pixels (2.7 GB decoded) in a few hundred bytes.
 * `idatBytes` of zeros are deflated into its only data chunk: a few is enough for a header check;
 * a full scan line (30_001 * 8) lets a decoder get as far as starting to inflate.
 */
export function pngBomb(idatBytes = 1024): Uint8Array {
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
      chunk('IDAT', deflateSync(Buffer.alloc(idatBytes))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
