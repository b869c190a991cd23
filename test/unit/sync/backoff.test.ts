// Backoff timing as tables of cases: full jitter stays within [0, min(cap, base*2^n)), and
// Retry-After (seconds or HTTP-date, RFC 9110 §10.2.3) wins when it asks for longer.
import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter, retryDelay } from '../../../src-main/sync/backoff';

const policy = { baseMs: 100, capMs: 1000 };

describe('full jitter', () => {
  it.each([
    [0, 0.999, 99],
    [1, 0.999, 199],
    [3, 0.5, 400],
    [4, 0.999, 999],
    [40, 0.999, 999],
    [2, 0, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(fullJitterDelay(attempt, policy, () => random)).toBe(expected);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00.000Z');
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%s → %s ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('takes the longer of the server request and the jittered backoff', () => {
    expect(retryDelay(0, policy, 5000, () => 0.5)).toBe(5000);
    expect(retryDelay(4, policy, 10, () => 0.5)).toBe(500);
    expect(retryDelay(4, policy, null, () => 0.5)).toBe(500);
  });
});
