// A pool of worker threads with a bounded queue. Heavy work (decode, models) never runs on the
// caller's event loop; a burst beyond the queue is refused at once (EngineBusyError) rather than
// buffered without limit. Waiting tasks sit in lanes (task-queue.ts): a capture never waits
// behind queued background work or previews, and a preview nobody has started yet is dropped
// when a newer one arrives. A worker that dies or hangs is replaced and its task fails with
// detection_server_error, the FaceAuth code for "the face module failed".
import { Worker } from 'node:worker_threads';
import { EngineError } from '../errors/engine-error';
import type { RuntimeSummary, RuntimeTrial } from '../runtime/runtime-names';
import { EngineUnavailableError } from './pool-errors';
import type {
  TaskKind,
  TaskPayload,
  TaskRequest,
  TaskResponse,
  WorkerEvent,
  WorkerInit,
} from './protocol';
import { stopWorker } from './stop-worker';
import { defaultLane, TaskQueue, type TaskLane } from './task-queue';
import { workerStart } from './worker-script';
import type { FeatureBlock } from '../checks/check-features';

export interface PoolOptions {
  size: number;
  maxQueue: number;
  taskTimeoutMs: number;
  workerScript: string;
  init: WorkerInit;
}

export interface TaskResult {
  payload: TaskPayload;
  workerMs: number;
  queuedMs: number;
}

interface Pending {
  request: Omit<TaskRequest, 'id'>;
  enqueuedAt: number;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  init: WorkerInit;
  current?: Pending & { id: number; startedAt: number; timer: NodeJS.Timeout };
}

export interface WorkerReady {
  backend: RuntimeSummary;
  modelLoadMs: number;
  trials: RuntimeTrial[];
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: TaskQueue<Pending>;
  private nextId = 1;
  private closed = false;
  private readonly ready: WorkerReady[] = [];
  /** Stops of retired workers still finishing the run they were in. */
  private readonly retiring = new Set<Promise<void>>();
  completed = 0;
  replaced = 0;

  private constructor(private readonly opts: PoolOptions) {
    this.queue = new TaskQueue<Pending>(opts.maxQueue);
  }

  /** Starts `size` workers and resolves once every one has loaded its models. */
  static async start(opts: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts);
    try {
      await Promise.all(Array.from({ length: opts.size }, () => pool.spawn()));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  get workerInfo(): readonly WorkerReady[] {
    return this.ready;
  }

  get queued(): number {
    return this.queue.length;
  }

  get busy(): number {
    return this.slots.filter((s) => s.current !== undefined).length;
  }

  /** Starts `count` more workers with `init` (the engine forces them onto the runtime the first
   *  worker chose, so they skip its trials); replacements of these use the same init. */
  async addWorkers(count: number, init: WorkerInit): Promise<void> {
    await Promise.all(Array.from({ length: count }, () => this.spawn(init)));
  }

  private spawn(init: WorkerInit = this.opts.init): Promise<Slot> {
    const start = workerStart(this.opts.workerScript);
    const worker = new Worker(start.script, { eval: start.evalSource, workerData: init });
    const slot: Slot = { worker, init };
    return new Promise<Slot>((resolve, reject) => {
      const onInit = (event: WorkerEvent): void => {
        worker.off('error', onEarlyError);
        if (event.type === 'init-failed') {
          void worker.terminate();
          reject(new EngineUnavailableError(`worker failed to start: ${event.message}`));
          return;
        }
        this.ready.push({
          backend: event.backend,
          modelLoadMs: event.modelLoadMs,
          trials: event.trials ?? [],
        });
        worker.on('message', (msg: TaskResponse) => this.onResponse(slot, msg));
        worker.on('error', (err) => this.onWorkerLost(slot, err));
        worker.on('exit', (code) => this.onWorkerLost(slot, new Error(`worker exited (${code})`)));
        this.slots.push(slot);
        resolve(slot);
        this.dispatch();
      };
      const onEarlyError = (err: Error): void => {
        reject(new EngineUnavailableError(`worker failed to start: ${err.message}`));
      };
      const onEarlyExit = (code: number): void => {
        reject(new EngineUnavailableError(`worker exited (${code}) before loading its models`));
      };
      worker.once('message', (event: WorkerEvent) => {
        worker.off('exit', onEarlyExit);
        onInit(event);
      });
      worker.once('error', onEarlyError);
      worker.once('exit', onEarlyExit);
    });
  }

  /** Runs a task in the lane it belongs to (task-queue.ts): captures go ahead of background
   *  work, which goes ahead of the preview; a full lane refuses at once with EngineBusyError. */
  run(
    kind: TaskKind,
    bytes: Uint8Array,
    checkBlocks?: FeatureBlock[],
    lane: TaskLane = defaultLane(kind),
  ): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new EngineUnavailableError('face engine is closed'));
    return new Promise<TaskResult>((resolve, reject) => {
      // A private copy: its buffer is transferred to the worker, never the caller's.
      const copy = new Uint8Array(bytes);
      const pending: Pending = {
        request:
          checkBlocks === undefined ? { kind, bytes: copy } : { kind, bytes: copy, checkBlocks },
        enqueuedAt: performance.now(),
        resolve,
        reject,
      };
      if (this.queue.push(pending, lane)) this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.current !== undefined) continue;
      const next = this.queue.shift();
      if (next === undefined) return;
      const id = this.nextId++;
      const timer = setTimeout(() => this.onTimeout(slot), this.opts.taskTimeoutMs);
      slot.current = { ...next, id, startedAt: performance.now(), timer };
      const request: TaskRequest = { id, ...next.request };
      slot.worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    }
  }

  private onResponse(slot: Slot, msg: TaskResponse): void {
    const current = slot.current;
    if (current === undefined || current.id !== msg.id) return;
    clearTimeout(current.timer);
    slot.current = undefined;
    this.completed++;
    if (msg.ok) {
      current.resolve({
        payload: msg.payload,
        workerMs: msg.workerMs,
        queuedMs: current.startedAt - current.enqueuedAt,
      });
    } else {
      current.reject(new EngineError(msg.code, msg.detail));
    }
    this.dispatch();
  }

  private onTimeout(slot: Slot): void {
    this.retire(slot, new Error(`task exceeded ${this.opts.taskTimeoutMs} ms; worker replaced`));
  }

  private onWorkerLost(slot: Slot, err: Error): void {
    this.retire(slot, err);
  }

  /** Fails the slot's task, removes the worker and, unless closing, starts a replacement. */
  private retire(slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const current = slot.current;
    slot.current = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    // Never terminate() outright: see stop-worker.ts (a native run in flight would abort us all).
    const stopped = stopWorker(slot.worker);
    this.retiring.add(stopped);
    void stopped.then(() => this.retiring.delete(stopped));
    if (current !== undefined) {
      clearTimeout(current.timer);
      current.reject(new EngineError('detection_server_error', err.message, { cause: err }));
    }
    if (this.closed) return;
    this.replaced++;
    this.spawn(slot.init).catch((spawnErr: unknown) => {
      // Without workers nothing queued can ever run: fail it now instead of hanging.
      if (this.slots.length === 0) {
        for (const p of this.queue.drain()) {
          p.reject(new EngineUnavailableError(`no worker could be restarted: ${String(spawnErr)}`));
        }
      }
    });
  }

  /** Resolves once every worker retired so far has left its run and exited: the event a caller
   *  (a test, a shutdown) waits for instead of guessing how long a native run takes. */
  async retiredWorkersExited(): Promise<void> {
    await Promise.all([...this.retiring]);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.drain()) p.reject(new EngineUnavailableError('face engine closed'));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (slot) => {
        if (slot.current !== undefined) {
          clearTimeout(slot.current.timer);
          slot.current.reject(new EngineUnavailableError('face engine closed'));
        }
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => undefined);
        await stopWorker(slot.worker);
      }),
    );
  }
}
