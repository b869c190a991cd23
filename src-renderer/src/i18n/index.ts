// English and Korean. Messages are compiled without eval (vue-i18n's JIT compiler), so the
// strict CSP (no 'unsafe-eval') holds.
import { createI18n } from 'vue-i18n';
import { en, type Messages } from './en';
import { ko } from './ko';

export const i18n = createI18n<[Messages], 'en' | 'ko', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en: en as unknown as Messages, ko },
});

export function setLanguage(language: 'en' | 'ko'): void {
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}
