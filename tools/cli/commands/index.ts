// Every CLI command, one file each. A new command (e.g. `eval checks`) is a new file plus a line.
import type { Command } from '../command';
import { benchEngineCommand } from './bench-engine';
import { engineProvidersCommand } from './engine-providers';
import { evalChecksCommand } from './eval-checks';
import { evalNegativeCommand } from './eval-negative';
import { evalVerifyCommand } from './eval-verify';
import { verifyCommand } from './verify';

export const COMMANDS: readonly Command[] = [
  verifyCommand,
  evalVerifyCommand,
  evalNegativeCommand,
  evalChecksCommand,
  benchEngineCommand,
  engineProvidersCommand,
];
