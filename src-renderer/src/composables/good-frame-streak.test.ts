import { describe, expect, it } from 'vitest';
import { GoodFrameStreak } from './good-frame-streak';

describe('GoodFrameStreak', () => {
  it('fires on the Nth good frame in a row for a face that stays still', () => {
    const streak = new GoodFrameStreak(4);
    // A still face gives the same guidance every frame: each one counts.
    expect([true, true, true].map((good) => streak.push(good))).toEqual([false, false, false]);
    expect(streak.remaining).toBe(1);
    expect(streak.push(true)).toBe(true);
    expect(streak.remaining).toBe(4);
  });

  it('starts again after any frame that is not good', () => {
    const streak = new GoodFrameStreak(3);
    streak.push(true);
    streak.push(true);
    expect(streak.push(false)).toBe(false);
    expect(streak.counted).toBe(0);
    expect(streak.push(true)).toBe(false);
    expect(streak.push(true)).toBe(false);
    expect(streak.push(true)).toBe(true);
  });

  it('refuses a streak length that could never count', () => {
    expect(() => new GoodFrameStreak(0)).toThrow(RangeError);
    expect(() => new GoodFrameStreak(1.5)).toThrow(RangeError);
  });
});
