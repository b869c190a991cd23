// RFC 9562 UUID version 7: 48-bit Unix milliseconds, then randomness, so that ids sort by creation
// time. Within one millisecond the 12-bit rand_a field is a counter (RFC 9562 §6.2, method 1), so
// ids from one generator are strictly increasing even in a burst.
import { randomFillSync } from 'node:crypto';

export interface UuidV7Generator {
  next(nowMs?: number): string;
}

export function createUuidV7Generator(
  random = (b: Uint8Array) => randomFillSync(b),
): UuidV7Generator {
  let lastMs = -1;
  let counter = 0;
  return {
    next(nowMs = Date.now()) {
      let ms = Math.max(nowMs, lastMs);
      if (ms === lastMs) {
        counter++;
        if (counter > 0xfff) {
          // Counter exhausted: borrow the next millisecond rather than repeat or go backwards.
          ms++;
          counter = 0;
        }
      } else {
        const seed = new Uint8Array(2);
        random(seed);
        counter = (((seed[0] ?? 0) << 8) | (seed[1] ?? 0)) & 0x1ff; // headroom for increments
      }
      lastMs = ms;
      const bytes = new Uint8Array(16);
      random(bytes);
      let t = ms;
      for (let i = 5; i >= 0; i--) {
        bytes[i] = t % 256;
        t = Math.floor(t / 256);
      }
      bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
      bytes[7] = counter & 0xff;
      bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
