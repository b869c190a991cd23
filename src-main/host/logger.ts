// Structured logs as JSON lines on stderr: easy to grep, and never mixed with a CLI's stdout.
// Every line passes through redactSecrets: a log file is not a place for tokens or passwords.
import type { Logger } from '../../src-shared/logger';
import { redactSecrets } from './log-redaction';

export type { Logger };

export function createLogger(
  scope: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const log =
    (level: string) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      const safe = redactSecrets(fields) as Record<string, unknown>;
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level, scope, event: redactSecrets(event), ...safe })}\n`,
      );
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
