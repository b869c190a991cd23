import { describe, expect, it } from 'vitest';
import { BridgeError, BRIDGE_ERROR_CODES } from '../../../src-shared/contract/envelope';
import { FACEAUTH_ERROR_CODES, FAIL_CODES } from '../../../src-shared/faceauth/codes';
import { i18n } from './index';
import { faceAuthProblem, plainError } from './plain-error';

const HANGUL = /[\uac00-\ud7a3]/;

function messageIn(locale: 'en' | 'ko', key: string): string {
  expect(i18n.global.te(key, locale), `${key} in ${locale}`).toBe(true);
  return i18n.global.t(key, {}, { locale });
}

describe('plain messages for every code the desk can receive', () => {
  it.each([...FACEAUTH_ERROR_CODES])(
    'FaceAuth error %s has an English and a Korean sentence',
    (code) => {
      const problem = faceAuthProblem(code);
      expect(problem.code).toBe(code);
      expect(messageIn('en', problem.key)).not.toBe(problem.key);
      expect(messageIn('ko', problem.key)).toMatch(HANGUL);
    },
  );

  it.each([...BRIDGE_ERROR_CODES])(
    'bridge error %s has an English and a Korean sentence',
    (code) => {
      const problem = plainError(new BridgeError(code, 'developer text'));
      expect(problem).toEqual({ key: `problems.bridge.${code}`, code });
      expect(messageIn('ko', problem.key)).toMatch(HANGUL);
    },
  );

  it.each([...FAIL_CODES])('failure %s is explained in both languages', (code) => {
    expect(messageIn('en', `failures.${code}`)).not.toContain('threshold');
    expect(messageIn('ko', `failures.${code}`)).toMatch(HANGUL);
  });

  it('never shows schema or developer text', () => {
    const schemaText = 'supervisor.username: Too small: expected string to have >=1 characters';
    const problem = plainError(new BridgeError('bad_request', schemaText));
    for (const locale of ['en', 'ko'] as const)
      expect(messageIn(locale, problem.key)).not.toContain('supervisor.username');
    // Something that is not a bridge error at all still gets a plain sentence.
    expect(plainError(new TypeError('x is undefined')).key).toBe('problems.bridge.unknown');
  });

  it('names the supervisor problem in the override dialog', () => {
    expect(
      plainError(new BridgeError('forbidden', 'desk1 is not a supervisor'), 'override'),
    ).toEqual({ key: 'problems.override.forbidden', code: 'forbidden' });
    expect(messageIn('en', 'problems.override.forbidden')).toMatch(/not a supervisor/);
  });
});

describe('station warnings', () => {
  it('the plaintext key banner is translated in both languages', async () => {
    const { PLAINTEXT_KEY_WARNING, WARNING_KEYS } =
      await import('../../../src-shared/contract/station-warnings');
    const key = WARNING_KEYS[PLAINTEXT_KEY_WARNING]!;
    expect(messageIn('en', key)).not.toContain('PLAINTEXT');
    expect(messageIn('ko', key)).toMatch(HANGUL);
  });
});
