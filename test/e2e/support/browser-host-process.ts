// Starts `npm run start:browser`'s program as a real child process and reads its address.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../../..');

export interface RunningHost {
  url: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startBrowserHostProcess(env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/browser-host/main.ts', '--port', '0'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`browser host exited early with code ${String(code)}`);
    }),
  ]);
  // The address (with the token) is in an owner-only file, never on stdout (issue 11).
  const listening = JSON.parse(first) as { origin: string; addressFile: string };
  return {
    origin: listening.origin,
    url: readFileSync(listening.addressFile, 'utf8').trim(),
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
