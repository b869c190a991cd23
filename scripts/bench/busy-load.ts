// Background CPU load for bench:ui: one busy-looping child process per core, the worst case of
// "other programs on the desk PC" (a browser tab spinning, an antivirus scan). Children are
// separate processes at normal priority, so they compete with the station exactly as they would.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface BusyLoad {
  processes: number;
  stop(): Promise<void>;
}

export function startBusyLoad(processes = availableParallelism()): BusyLoad {
  const children: ChildProcess[] = Array.from({ length: processes }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return {
    processes,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
