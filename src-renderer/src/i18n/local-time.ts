// Times on screen are the desk's local time, written the way the chosen language writes them
// (never raw ISO/UTC text).
import { i18n } from './index';

function localeTag(): string {
  return i18n.global.locale.value === 'ko' ? 'ko-KR' : 'en-GB';
}

export function localDateTime(at: string | number | Date): string {
  return new Date(at).toLocaleString(localeTag(), { dateStyle: 'medium', timeStyle: 'medium' });
}

export function localTime(at: string | number | Date): string {
  return new Date(at).toLocaleTimeString(localeTag());
}
