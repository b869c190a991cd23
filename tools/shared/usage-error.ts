// A wrong command line (unknown option, missing value): the CLI prints it with the usage text and
// exits 2. Shared by the CLI and the standalone training tool (tools/checks/train-main.ts).
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
