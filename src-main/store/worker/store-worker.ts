// Worker-thread entry: owns the one better-sqlite3 connection, so that no SQLite call (and no
// fsync) ever runs on the main process's event loop. Requests are answered one at a time in
// arrival order; each write handler is a single synchronous transaction.
import { parentPort, workerData } from 'node:worker_threads';
import type { StoreContext } from '../../database/context';
import { StoreError, isStoreErrorCode } from '../../database/errors';
import { runRetention } from '../services/retention';
import { storeHandlers } from './handlers';
import { openStoreContext } from './open-context';
import {
  CLOSE_METHOD,
  type RequestMessage,
  type StoreStatus,
  type StoreWorkerData,
  type WireError,
  type WorkerMessage,
} from '../protocol';

function toWireError(error: unknown): WireError {
  if (error instanceof StoreError && isStoreErrorCode(error.code))
    return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Retention runs inside the worker on a timer (and once at start-up), so that images and
 * templates past their time are purged even if the rest of the app never asks.
 */
function scheduleRetention(
  ctx: StoreContext,
  intervalMs: number,
  post: (message: WorkerMessage) => void,
): NodeJS.Timeout | null {
  if (intervalMs <= 0) return null;
  const run = (): void => {
    try {
      post({ type: 'event', name: 'retention:ran', payload: runRetention(ctx) });
    } catch (error) {
      post({ type: 'event', name: 'retention:failed', payload: toWireError(error) });
    }
  };
  setImmediate(run);
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return timer;
}

function start(port: NonNullable<typeof parentPort>, data: StoreWorkerData): void {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  let ctx: StoreContext;
  let status: StoreStatus;
  try {
    ({ ctx, status } = openStoreContext(data));
  } catch (error) {
    post({ type: 'fatal', error: toWireError(error) });
    return;
  }
  post({ type: 'ready', status });
  const retentionTimer =
    ctx.writable === null ? null : scheduleRetention(ctx, data.retentionIntervalMs, post);

  // A queue keeps replies in request order even when a handler awaits (scrypt runs async).
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: RequestMessage) => {
    queue = queue.then(async () => {
      if (message.method === CLOSE_METHOD) {
        if (retentionTimer !== null) clearInterval(retentionTimer);
        ctx.read.close();
        post({ type: 'closed' });
        port.close();
        return;
      }
      try {
        if (!Object.hasOwn(storeHandlers, message.method)) {
          throw new StoreError('invalid_input', `unknown store method ${message.method}`);
        }
        const handler = storeHandlers[message.method as keyof typeof storeHandlers] as (
          c: StoreContext,
          a: unknown,
        ) => unknown;
        const value = await handler(ctx, message.args ?? {});
        post({ type: 'reply', id: message.id, ok: true, value });
      } catch (error) {
        post({ type: 'reply', id: message.id, ok: false, error: toWireError(error) });
      }
    });
  });
}

if (parentPort === null) throw new Error('store-worker must run as a worker thread');
start(parentPort, workerData as StoreWorkerData);
