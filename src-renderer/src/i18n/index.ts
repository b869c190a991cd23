// English and Korean. Messages are compiled without eval (vue-i18n's JIT compiler), so the
// strict CSP (no 'unsafe-eval') holds.
import { createI18n } from 'vue-i18n';
import { en, type Messages } from './en';
import { ko } from './ko';
import { deskEn, type DeskMessages } from './desk-en';
import { deskKo } from './desk-ko';
import { historyEn, type HistoryMessages } from './history-en';
import { historyKo } from './history-ko';
import { settingsEn, type SettingsMessages } from './settings-en';
import { settingsKo } from './settings-ko';

export type AllMessages = Messages & DeskMessages & HistoryMessages & SettingsMessages;

export const i18n = createI18n<[AllMessages], 'en' | 'ko', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {
    en: { ...en, ...deskEn, ...historyEn, ...settingsEn } as unknown as AllMessages,
    ko: { ...ko, ...deskKo, ...historyKo, ...settingsKo },
  },
});

export function setLanguage(language: 'en' | 'ko'): void {
  i18n.global.locale.value = language;
  // Store tests run in Node, without a DOM.
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
