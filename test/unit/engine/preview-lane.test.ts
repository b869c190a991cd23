// The live preview's lane in the worker pool (issue 12, process model): a capture never waits
// behind queued preview frames, and a preview frame nobody has started is dropped when a newer
// one arrives. Real worker threads (the protocol's stand-in worker), real queueing.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineBusyError } from '../../../src-main/engine/pool/pool-errors';
import { WorkerPool } from '../../../src-main/engine/pool/worker-pool';
import { DEFAULT_PIPELINE_CONFIG } from '../../../src-main/engine/pipeline/pipeline-config';

const fakeWorker = fileURLToPath(new URL('../../fixtures/engine/fake-worker.mjs', import.meta.url));
let pool: WorkerPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** Fake-worker task: echo after `delay10ms` × 10 ms. */
const task = (delay10ms: number) => Uint8Array.from([0, delay10ms]);

describe('preview lane', () => {
  it('runs a capture before preview frames queued ahead of it', async () => {
    pool = await WorkerPool.start({
      size: 1,
      maxQueue: 10,
      taskTimeoutMs: 5000,
      workerScript: fakeWorker,
      init: { runtime: {}, pipeline: DEFAULT_PIPELINE_CONFIG },
    });
    const order: string[] = [];
    const track = (name: string, p: Promise<unknown>) =>
      p.then(
        () => order.push(name),
        (e: unknown) =>
          order.push(`${name}:${e instanceof EngineBusyError ? 'dropped' : 'failed'}`),
      );
    const running = track('running', pool.run('analyze', task(10)));
    const frame = track('frame', pool.run('frame', task(1)));
    const capture = track('capture', pool.run('analyze', task(1)));
    await Promise.all([running, frame, capture]);
    expect(order).toEqual(['running', 'capture', 'frame']);
  });

  it('drops a queued preview frame when a newer one arrives', async () => {
    pool = await WorkerPool.start({
      size: 1,
      maxQueue: 10,
      taskTimeoutMs: 5000,
      workerScript: fakeWorker,
      init: { runtime: {}, pipeline: DEFAULT_PIPELINE_CONFIG },
    });
    const running = pool.run('analyze', task(10));
    const stale = pool.run('frame', task(1));
    const fresh = pool.run('frame', task(1));
    await expect(stale).rejects.toBeInstanceOf(EngineBusyError);
    expect(pool.queued).toBe(1);
    await expect(fresh).resolves.toBeDefined();
    await running;
  });
});
