// The engine's default logger: one JSON line per event on stderr (stdout may carry a CLI's answer).
import type { EngineLogger } from '../engine-types';

export const stderrLogger: EngineLogger = {
  info: (message, fields) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'info', scope: 'engine', message, ...fields })}\n`,
    ),
  warn: (message, fields) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', scope: 'engine', message, ...fields })}\n`,
    ),
};
