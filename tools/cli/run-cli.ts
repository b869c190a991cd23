// faceauth-station command line (importable without side effects, for tests): finds the command by its leading words, parses its options,
// runs it. Exit codes: the command's own, 2 for usage errors, 1 for unexpected failures.
import { parseArgs } from '../shared/args';
import { UsageError, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';

function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  const matches = COMMANDS.filter((c) => c.words.every((w, i) => argv[i] === w)).sort(
    (a, b) => b.words.length - a.words.length,
  );
  const command = matches[0];
  return command === undefined ? undefined : { command, rest: argv.slice(command.words.length) };
}

function help(): string {
  return [
    'usage: faceauth-station <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (found === undefined) {
    io.err(`unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  try {
    return await found.command.run(parseArgs(found.rest, found.command.valueOptions), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nusage: faceauth-station ${found.command.usage}`);
      return 2;
    }
    io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return 1;
  }
}
