// Capture priority over background work (issue 12): a desk capture must never be refused as busy
// or wait behind enrollments pulled from the central API, however many of those are queued.
// Real worker threads (the protocol's stand-in worker), real queueing.
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

async function onePool(maxQueue: number): Promise<WorkerPool> {
  pool = await WorkerPool.start({
    size: 1,
    maxQueue,
    taskTimeoutMs: 5000,
    workerScript: fakeWorker,
    init: { runtime: {}, pipeline: DEFAULT_PIPELINE_CONFIG },
  });
  return pool;
}

function tracker() {
  const order: string[] = [];
  const track = (name: string, p: Promise<unknown>) =>
    p.then(
      () => order.push(name),
      (e: unknown) => order.push(`${name}:${e instanceof EngineBusyError ? 'busy' : 'failed'}`),
    );
  return { order, track };
}

describe('task lanes', () => {
  it('accepts a capture while enrollments fill the background lane, and runs it first', async () => {
    const p = await onePool(2);
    const { order, track } = tracker();
    const running = track('running', p.run('analyze', task(5), undefined, 'background'));
    const enrolls = [1, 2].map((i) =>
      track(`enroll${i}`, p.run('analyze', task(1), undefined, 'background')),
    );
    const refused = track('enroll3', p.run('analyze', task(1), undefined, 'background'));
    const thumbnail = track('thumbnail', p.run('thumbnail', task(1)));
    const capture = track('capture', p.run('analyze', task(1)));
    await Promise.all([running, ...enrolls, refused, thumbnail, capture]);
    // The background lane was full (2): the third enrollment and the thumbnail are refused, the
    // capture is not, and it runs as soon as the running task ends.
    expect(order).toEqual([
      'enroll3:busy',
      'thumbnail:busy',
      'running',
      'capture',
      'enroll1',
      'enroll2',
    ]);
  });

  it('runs queued background work before a waiting preview frame', async () => {
    const p = await onePool(4);
    const { order, track } = tracker();
    const running = track('running', p.run('analyze', task(5)));
    const frame = track('frame', p.run('frame', task(1)));
    const enroll = track('enroll', p.run('analyze', task(1), undefined, 'background'));
    const capture = track('capture', p.run('analyze', task(1)));
    await Promise.all([running, frame, enroll, capture]);
    expect(order).toEqual(['running', 'capture', 'enroll', 'frame']);
  });

  it('bounds the capture lane on its own', async () => {
    const p = await onePool(1);
    const running = p.run('analyze', task(5));
    const waiting = p.run('analyze', task(0));
    await expect(p.run('analyze', task(0))).rejects.toBeInstanceOf(EngineBusyError);
    await expect(p.run('analyze', task(0), undefined, 'background')).resolves.toBeDefined();
    await Promise.all([running, waiting]);
  });
});
