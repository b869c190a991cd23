// Stops a pool worker without pulling the rug from under a native inference. Terminating a worker
// thread while an ONNX Runtime session.run is in flight aborts the WHOLE process ("terminate
// called after throwing an instance of 'Napi::Error'", measured with onnxruntime-node 1.30): the
// run finishes on ORT's own thread and calls back into a JavaScript environment that no longer
// exists. So the worker is asked to stop; it finishes the run it is in, releases its sessions and
// exits by itself. Only a worker that has not exited after the grace period (a hung TensorFlow.js
// wasm loop, which never yields to read the request) is terminated.
import type { Worker } from 'node:worker_threads';
import type { WorkerControl } from './protocol';

export const STOP_GRACE_MS = 30_000;

export function stopWorker(worker: Worker, graceMs = STOP_GRACE_MS): Promise<void> {
  // threadId is -1 once the thread has exited: 'exit' will not fire again.
  if (worker.threadId < 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      worker.terminate().then(
        () => resolve(),
        () => resolve(),
      );
    }, graceMs);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      worker.postMessage({ type: 'stop' } satisfies WorkerControl);
    } catch {
      clearTimeout(timer);
      void worker.terminate().then(() => resolve());
    }
  });
}
