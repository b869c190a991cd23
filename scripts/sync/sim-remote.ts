// Parent side of scripts/sync/sim-process.ts: start the server process, call it, stop it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimulatorOptions } from '../../src-main/argos-simulator/server';
import type { SimRequest } from './sim-process';

const SCRIPT = fileURLToPath(new URL('./sim-process.ts', import.meta.url));

type Payload<R> = R extends { id: number } ? Omit<R, 'id'> : never;

export class RemoteSimulator {
  private nextId = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: { id?: number; value?: unknown }) => {
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message.value);
      this.waiting.delete(message.id);
    });
  }

  static async start(options: SimulatorOptions): Promise<RemoteSimulator> {
    const child = fork(SCRIPT, [JSON.stringify(options)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { url: string }) => resolve(m.url));
      child.once('exit', (code) => reject(new Error(`simulator process exited (${code})`)));
    });
    return new RemoteSimulator(child, url);
  }

  call<T>(request: Payload<SimRequest>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.child.send({ ...request, id });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}
