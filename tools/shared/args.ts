// Minimal `--name value` / `--flag` parser; commands declare which options take a value, so a
// typo is an error instead of a silently ignored word.
import { UsageError } from './usage-error';

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], valueOptions: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('--')) throw new UsageError(`unexpected argument: ${word}`);
    const [name = '', inline] = word.slice(2).split('=', 2);
    if (valueOptions.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`--${name} needs a value`);
      }
      values.set(name, value);
    } else {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    }
  }
  return { values, flags };
}

export function requireValue(args: ParsedArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.values.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}
