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

/**
 * Starts `src-main/browser-host/main.ts` on port 0. The keys are plaintext files by explicit
 * opt-in (--insecure-plaintext-key) unless the caller's env sets FACEAUTH_KEY_PASSPHRASE.
 */
export async function startBrowserHostProcess(env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const merged = { ...process.env, ...env };
  const keyChoice = merged['FACEAUTH_KEY_PASSPHRASE'] ? [] : ['--insecure-plaintext-key'];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/browser-host/main.ts', '--port', '0', ...keyChoice],
    {
      cwd: REPO_ROOT,
      env: merged,
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
