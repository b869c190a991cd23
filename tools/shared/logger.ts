// Engine log lines for CLI runs go to stderr (stdout carries the JSON answer): warnings always,
// information (backend chosen and why, model load time) with --verbose.
import type { EngineLogger } from '../../src-main/engine';

export function cliLogger(verbose: boolean): EngineLogger {
  const line = (level: string, message: string, fields?: Record<string, unknown>): void => {
    process.stderr.write(`${JSON.stringify({ level, scope: 'engine', message, ...fields })}\n`);
  };
  return {
    info: (message, fields) => {
      if (verbose) line('info', message, fields);
    },
    warn: (message, fields) => line('warn', message, fields),
  };
}
