import { describe, expect, it } from 'vitest';
import { dateExample, formatLocalDate, parseLocalDate } from './local-date';

describe('local date field', () => {
  it.each([
    ['2026-11-30', 'en', '2026-11-30'],
    ['2026-11-30', 'ko', '2026. 11. 30.'],
    ['not a day', 'ko', ''],
  ] as const)('writes %s in %s as %s', (iso, language, written) => {
    expect(formatLocalDate(iso, language)).toBe(written);
  });

  it.each([
    ['2026. 11. 30.', '2026-11-30'],
    ['2026.11.30', '2026-11-30'],
    ['2026-1-5', '2026-01-05'],
    ['2026/01/05', '2026-01-05'],
    [' 2026 01 05 ', '2026-01-05'],
    ['', ''],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['11/30/2026', null],
    ['yesterday', null],
  ] as const)('reads %j as %j', (text, iso) => {
    expect(parseLocalDate(text)).toBe(iso);
  });

  it('round-trips what it writes, in both languages', () => {
    for (const language of ['en', 'ko'] as const)
      expect(parseLocalDate(formatLocalDate('2027-03-09', language))).toBe('2027-03-09');
    expect(dateExample('ko', new Date(2026, 10, 30))).toBe('2026. 11. 30.');
  });
});
