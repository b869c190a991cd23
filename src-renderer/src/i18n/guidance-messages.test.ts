// Every live-guidance value the engine can send (the contract's FRAME_GUIDANCE, face_covered and
// turn_to_camera from the covered-face stage included) has a plain sentence in both languages.
import { describe, expect, it } from 'vitest';
import { FRAME_GUIDANCE } from '../../../src-shared/contract/frame';
import { i18n } from './index';

const HANGUL = /[\uac00-\ud7a3]/;

describe('live guidance messages', () => {
  it.each([...FRAME_GUIDANCE])('%s is translated in English and Korean', (value) => {
    const key = `verify.guidance.${value}`;
    expect(i18n.global.te(key, 'en')).toBe(true);
    expect(i18n.global.te(key, 'ko')).toBe(true);
    expect(i18n.global.t(key, {}, { locale: 'ko' })).toMatch(HANGUL);
  });

  it('tells a covered face what to do', () => {
    const en = (v: string) => i18n.global.t(`verify.guidance.${v}`, {}, { locale: 'en' });
    expect(en('face_covered')).toMatch(/lower the mask for the similarity check/);
    expect(en('face_covered')).toMatch(/raise the visor/);
    expect(en('turn_to_camera')).toMatch(/turn to the camera/);
  });
});
