// Terminating a worker thread while ONNX Runtime runs a session aborts the whole process
// (measured: "terminate called after throwing an instance of 'Napi::Error'"). The pool must
// therefore never terminate a worker mid-run: not on a task timeout, not on close. If it did,
// this test file's process would die and the run would fail.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import { onnxModelPath } from '../../../src-main/engine/onnx/onnx-model-paths';
import { DEFAULT_PIPELINE_CONFIG } from '../../../src-main/engine/pipeline/pipeline-config';
import { EngineUnavailableError } from '../../../src-main/engine/pool/pool-errors';
import { WorkerPool } from '../../../src-main/engine/pool/worker-pool';

const busyWorker = fileURLToPath(
  new URL('../../fixtures/engine/onnx-busy-worker.mjs', import.meta.url),
);
process.env.FACEAUTH_TEST_ONNX_MODEL = onnxModelPath('recognition');

const start = (taskTimeoutMs: number) =>
  WorkerPool.start({
    size: 1,
    maxQueue: 4,
    taskTimeoutMs,
    workerScript: busyWorker,
    init: { runtime: {}, pipeline: DEFAULT_PIPELINE_CONFIG },
  });

describe('stopping a worker under a native ONNX run', { timeout: 120_000 }, () => {
  it('a task timeout fails the task and replaces the worker without killing the process', async () => {
    const pool = await start(200);
    await expect(pool.run('reference', new Uint8Array(1))).rejects.toSatisfy(
      (e) => e instanceof EngineError && e.code === 'detection_server_error',
    );
    // The stopped worker is still inside its session run; wait until it has finished and exited
    // (had the pool terminated it mid-run, the process would have died by then).
    const exited = pool.retiredWorkersExited();
    const whileRunning = await Promise.race([exited.then(() => 'exited'), 'still running']);
    expect(whileRunning).toBe('still running');
    await exited;
    expect(pool.replaced).toBe(1);
    await pool.close();
  });

  it('close() during a run rejects the task and waits for the worker to leave the run', async () => {
    const pool = await start(10_000);
    const task = pool.run('reference', new Uint8Array(1));
    // The task is in the worker's hands (its messages keep their order: the run starts before
    // the stop request is read), so close() lands mid-run.
    await vi.waitFor(() => expect(pool.busy).toBe(1));
    const closing = pool.close();
    await expect(task).rejects.toBeInstanceOf(EngineUnavailableError);
    // close() resolves on the worker's exit, after its run: the process survived it.
    await closing;
    expect(pool.busy).toBe(0);
  });
});
