import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import { EngineBusyError, EngineUnavailableError } from '../../../src-main/engine/pool/pool-errors';
import { WorkerPool } from '../../../src-main/engine/pool/worker-pool';
import { DEFAULT_PIPELINE_CONFIG } from '../../../src-main/engine/pipeline/pipeline-config';
import { workerStart } from '../../../src-main/engine/pool/worker-script';

const fakeWorker = fileURLToPath(new URL('../../fixtures/engine/fake-worker.mjs', import.meta.url));
let pool: WorkerPool | undefined;

async function startPool(size: number, maxQueue: number, taskTimeoutMs = 5000) {
  pool = await WorkerPool.start({
    size,
    maxQueue,
    taskTimeoutMs,
    workerScript: fakeWorker,
    init: { runtime: {}, pipeline: DEFAULT_PIPELINE_CONFIG },
  });
  return pool;
}

const task = (action: number, delay10ms = 0) => Uint8Array.from([action, delay10ms]);

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('worker pool', () => {
  it('runs tasks on all workers in parallel', async () => {
    const p = await startPool(2, 10);
    const results = await Promise.all([
      p.run('reference', task(0, 20)),
      p.run('reference', task(0, 20)),
    ]);
    const threads = results.map((r) =>
      r.payload.kind === 'reference' ? r.payload.reference.ms : 0,
    );
    expect(new Set(threads).size).toBe(2);
    // No wall-clock bound: a task that never answers holds one worker, and another task still
    // completes, which it can only do on the other worker, at the same time.
    const hanging = p.run('reference', task(1));
    hanging.catch(() => {});
    const beside = await p.run('reference', task(0));
    expect(beside.payload.kind).toBe('reference');
  });

  it('refuses work beyond the bounded queue with a typed busy error', async () => {
    const p = await startPool(1, 2);
    const running = p.run('reference', task(0, 10));
    const queued = [p.run('reference', task(0)), p.run('reference', task(0))];
    await expect(p.run('reference', task(0))).rejects.toBeInstanceOf(EngineBusyError);
    await Promise.all([running, ...queued]);
    await expect(p.run('reference', task(0))).resolves.toBeDefined();
  });

  it('passes FaceAuth error codes from the worker through as EngineError', async () => {
    const p = await startPool(1, 2);
    await expect(p.run('reference', task(3))).rejects.toSatisfy(
      (e) => e instanceof EngineError && e.code === 'no_face',
    );
  });

  it('replaces a crashed worker and fails only its task', async () => {
    const p = await startPool(1, 4);
    const crash = p.run('reference', task(2));
    const after = p.run('reference', task(0));
    await expect(crash).rejects.toSatisfy(
      (e) => e instanceof EngineError && e.code === 'detection_server_error',
    );
    await expect(after).resolves.toBeDefined();
    expect(p.replaced).toBe(1);
  });

  it('abandons a hung task after the timeout and keeps serving', async () => {
    const p = await startPool(1, 4, 300);
    await expect(p.run('reference', task(1))).rejects.toSatisfy(
      (e) => e instanceof EngineError && /exceeded 300 ms/.test(e.detail),
    );
    await expect(p.run('reference', task(0))).resolves.toBeDefined();
  });

  it('does not transfer away the caller’s buffer', async () => {
    const p = await startPool(1, 2);
    const bytes = task(0);
    await p.run('reference', bytes);
    expect(Array.from(bytes)).toEqual([0, 0]);
  });

  it('rejects queued and new work once closed', async () => {
    const p = await startPool(1, 4);
    const running = expect(p.run('reference', task(0, 20))).rejects.toBeInstanceOf(
      EngineUnavailableError,
    );
    const queued = expect(p.run('reference', task(0))).rejects.toBeInstanceOf(
      EngineUnavailableError,
    );
    await p.close();
    await Promise.all([running, queued]);
    await expect(p.run('reference', task(0))).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});

describe('worker script start', () => {
  it('starts .js entries directly and .ts entries through a tsx bootstrap', () => {
    expect(workerStart('/x/worker-entry.js')).toEqual({
      script: '/x/worker-entry.js',
      evalSource: false,
    });
    const ts = workerStart('/x/worker-entry.ts');
    expect(ts.evalSource).toBe(true);
    expect(ts.script).toContain('register()');
    expect(ts.script).toContain('file:///x/worker-entry.ts');
  });
});
