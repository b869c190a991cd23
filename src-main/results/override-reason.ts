// The store keeps an override's reason as one line of text; the console's reason code and free
// text are joined as "code: text" so reports can group by code.
import { OVERRIDE_REASONS, type OverrideReason } from '../../src-shared/contract/results';

export function formatOverrideReason(
  code: OverrideReason,
  text: string,
  deskOperator: string,
): string {
  const detail = text.trim() === '' ? '' : ` ${text.trim()}`;
  return `${code}:${detail} [desk: ${deskOperator}]`;
}

export function parseOverrideReason(reason: string): { code: string; text: string } {
  const match = /^([a-z_]+):\s?(.*)$/s.exec(reason);
  if (match?.[1] && (OVERRIDE_REASONS as readonly string[]).includes(match[1])) {
    return { code: match[1], text: match[2] ?? '' };
  }
  return { code: 'other', text: reason };
}
