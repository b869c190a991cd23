// Entry of the faceauth-station CLI (bin/faceauth-station.mjs imports this file).
import type { CliIo } from './command';
import { runCli } from './run-cli';

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

process.exitCode = await runCli(process.argv.slice(2), io);
