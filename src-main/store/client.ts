// The main-process side of the store: starts the worker, and exposes a typed
// `send('domain:verb', args)` whose argument and reply types come from the worker's handler map.
// The worker script path is an option so that a bundled build can pass its own file; a `.ts`
// entry (development, tests) is started through tsx via worker/ts-worker-bootstrap.mjs.
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IntegrityCheckLevel } from '../database/db/open-database';
import { StoreError } from '../database/errors';
import type { StoreArgs, StoreMethod, StoreReply } from './worker/handlers';
import {
  CLOSE_METHOD,
  type RequestMessage,
  type StoreEvents,
  type StoreStatus,
  type StoreWorkerData,
  type WorkerMessage,
} from './protocol';

export interface OpenStoreOptions {
  dbPath: string;
  /** The unwrapped 32-byte data key (see keys/key-wrapper.ts); null when its file is lost. */
  dataKey: Uint8Array | null;
  /** The unwrapped 32-byte audit MAC key (kept outside the database, like the data key). */
  auditKey: Uint8Array;
  /** The audit key was made on this start (allows keying an older chain once). */
  auditKeyCreated?: boolean;
  stationId: string;
  /** Worker entry; defaults to ./worker/store-worker.ts next to this file. */
  workerPath?: string | URL;
  integrityCheck?: IntegrityCheckLevel;
  /** Retention timer inside the worker; default hourly, 0 = off (tests, benchmarks). */
  retentionIntervalMs?: number;
}

export const DEFAULT_RETENTION_INTERVAL_MS = 60 * 60_000;

type EventListener<E extends keyof StoreEvents> = (payload: StoreEvents[E]) => void;

export const DEFAULT_WORKER_URL = new URL('./worker/store-worker.ts', import.meta.url);
const TS_BOOTSTRAP_URL = new URL('./worker/ts-worker-bootstrap.mjs', import.meta.url);

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class StoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closedError: StoreError | null = null;
  private closeWaiter: (() => void) | null = null;
  private readonly listeners = new Map<keyof StoreEvents, Set<(payload: never) => void>>();
  private statusValue: StoreStatus | null = null;
  private readonly ready: Promise<void>;
  private settleReady: ((error?: StoreError) => void) | null = null;

  /** Listens from the first message on, so that no event sent right after `ready` is missed. */
  private constructor(private readonly worker: Worker) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = (error) => (error === undefined ? resolve() : reject(error));
    });
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) =>
      this.fail(new StoreError('internal', `store worker failed: ${error.message}`)),
    );
    worker.on('exit', (code) => {
      this.fail(new StoreError('closed', `store worker exited (${code})`));
      this.closeWaiter?.();
    });
  }

  static async open(options: OpenStoreOptions): Promise<StoreClient> {
    const workerPath = options.workerPath ?? DEFAULT_WORKER_URL;
    const file = workerPath instanceof URL ? fileURLToPath(workerPath) : workerPath;
    const data: StoreWorkerData = {
      dbPath: options.dbPath,
      dataKey: options.dataKey === null ? null : Uint8Array.from(options.dataKey),
      auditKey: Uint8Array.from(options.auditKey),
      auditKeyCreated: options.auditKeyCreated ?? false,
      stationId: options.stationId,
      integrityCheck: options.integrityCheck ?? 'full',
      retentionIntervalMs: options.retentionIntervalMs ?? DEFAULT_RETENTION_INTERVAL_MS,
    };
    const worker = file.endsWith('.ts')
      ? new Worker(fileURLToPath(TS_BOOTSTRAP_URL), {
          workerData: data,
          argv: [pathToFileURL(file).href],
        })
      : new Worker(file, { workerData: data });
    // The worker received its own copies of the keys; these are no longer needed.
    data.dataKey?.fill(0);
    data.auditKey.fill(0);
    const client = new StoreClient(worker);
    await client.ready;
    return client;
  }

  /** How the database opened: writable (with schema version) or read-only safe mode. */
  get status(): StoreStatus {
    if (this.statusValue === null) throw new StoreError('internal', 'store is not ready');
    return this.statusValue;
  }

  get safeMode(): boolean {
    return this.status.mode === 'safe-readonly';
  }

  send<K extends StoreMethod>(method: K, args: StoreArgs<K>): Promise<StoreReply<K>> {
    if (this.closedError !== null) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise<StoreReply<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: RequestMessage = { id, method, args };
      this.worker.postMessage(message);
    });
  }

  /** Subscribes to a worker push event; returns the unsubscribe function. */
  on<E extends keyof StoreEvents>(event: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Finishes queued requests, closes the database (checkpointing the WAL) and ends the worker. */
  async close(): Promise<void> {
    if (this.closedError !== null) return;
    const exited = new Promise<void>((resolve) => (this.closeWaiter = resolve));
    const message: RequestMessage = { id: 0, method: CLOSE_METHOD, args: null };
    this.worker.postMessage(message);
    await exited;
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'ready') {
      this.statusValue = message.status;
      this.settleReady?.();
      this.settleReady = null;
      return;
    }
    if (message.type === 'fatal') {
      void this.worker.terminate();
      this.fail(new StoreError(message.error.code, message.error.message));
      return;
    }
    if (message.type === 'closed') {
      this.fail(new StoreError('closed', 'store is closed'));
      return;
    }
    if (message.type === 'event') {
      for (const listener of this.listeners.get(message.name) ?? []) {
        (listener as (payload: unknown) => void)(message.payload);
      }
      return;
    }
    if (message.type !== 'reply') return;
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new StoreError(message.error.code, message.error.message));
  }

  private fail(error: StoreError): void {
    this.settleReady?.(error);
    this.settleReady = null;
    this.closedError ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

export function openStore(options: OpenStoreOptions): Promise<StoreClient> {
  return StoreClient.open(options);
}
