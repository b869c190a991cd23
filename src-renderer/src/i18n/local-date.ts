// Calendar days as the desk's language writes them, for the History filters: the browser's own
// date control follows the browser's locale (a Korean desk on an English browser showed
// "mm/dd/yyyy"), so the field is text written and read here. Both languages put the year first
// (ISO 8601 in English, "2026. 11. 30." in Korean), so one reader accepts either, with any of
// - . / or spaces between the parts.
export type DeskLanguage = 'en' | 'ko';

/** yyyy-mm-dd as the language writes it. */
export function formatLocalDate(isoDay: string, language: DeskLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (match === null) return '';
  const [, year, month, day] = match;
  return language === 'ko' ? `${year}. ${month}. ${day}.` : `${year}-${month}-${day}`;
}

/** The day typed, as yyyy-mm-dd; '' for an empty field; null when it is not a real date. */
export function parseLocalDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{4})\s*[-./\s]\s*(\d{1,2})\s*[-./\s]\s*(\d{1,2})\s*\.?$/.exec(trimmed);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // Rejects 2026-02-30 and month 13, which Date would roll over into another day.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's example in the language's format, for the field's hint. */
export function dateExample(language: DeskLanguage, today = new Date()): string {
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(
    today.getDate(),
  ).padStart(2, '0')}`;
  return formatLocalDate(iso, language);
}
