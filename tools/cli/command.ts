// A CLI command: its words (e.g. ['eval', 'verify']), a one-line summary for help, its options,
// and a run function returning the exit code. Each command lives in its own file under commands/
// and is listed once in commands/index.ts.
import type { ParsedArgs } from '../shared/args';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  words: readonly string[];
  summary: string;
  usage: string;
  /** Options that take a value; all others are boolean flags. */
  valueOptions: readonly string[];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

// Kept here for the commands' existing imports; it lives in tools/shared beside the arguments
// parser that throws it.
export { UsageError } from '../shared/usage-error';
