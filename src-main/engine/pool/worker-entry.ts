// Entry of one pool worker thread: picks the runtime (ONNX Runtime first, TensorFlow.js as the
// fallback; ../runtime/load-networks.ts), loads the models once, then serves one task at a time.
// On ONNX Runtime the engine runs one such worker whose sessions use the cores through intra-op
// threads (and which alone drives a WebGPU device); on TensorFlow.js one worker per core.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { describeError, EngineError } from '../errors/engine-error';
import { warmUp } from '../models/warm-up';
import { analyzeFace } from '../pipeline/face-pipeline';
import { analyzeFrame } from '../pipeline/analyze-frame';
import { makeThumbnail } from '../image/make-thumbnail';
import {
  loadNetworks,
  type LoadedNetworks,
  type RuntimeEnvironment,
} from '../runtime/load-networks';
import { loadOnnxFaceNetworks } from '../runtime/onnx-loader';
import { onnxProviderOf, summarizeChoice } from '../runtime/runtime-names';
import { DEFAULT_WORKER_NICE } from './worker-priority';
import type {
  TaskPayload,
  TaskRequest,
  TaskResponse,
  WorkerControl,
  WorkerEvent,
  WorkerInit,
} from './protocol';

// Inference yields the CPU to the UI: on Linux a nice value set with pid 0 applies to the calling
// thread only, so this lowers this worker thread and leaves the main process's event loop (and,
// in Electron, the renderer) ahead of it when cores are contended. FACEAUTH_WORKER_NICE=0 turns
// it off; platforms without per-thread priorities ignore the failure.
const nice = Number(process.env.FACEAUTH_WORKER_NICE ?? DEFAULT_WORKER_NICE);
if (Number.isInteger(nice) && nice > 0) {
  try {
    os.setPriority(0, Math.min(19, nice));
  } catch {
    // Not permitted or not supported: run at normal priority.
  }
}

// libvips would otherwise start a thread per core in every worker and oversubscribe the CPU.
sharp.concurrency(1);
sharp.cache(false);

if (parentPort === null) throw new Error('worker-entry must run in a worker thread');
const port = parentPort;
const init = workerData as WorkerInit;

const environment: RuntimeEnvironment = {
  // Imported inside a try by the caller: onnxruntime-node ships no binary for some platforms
  // (macOS x64), and the engine must then still start on TensorFlow.js.
  importOrt: () => import('onnxruntime-node'),
  loadOnnxNetworks: loadOnnxFaceNetworks,
  // TensorFlow.js and face-api are imported only when they serve: where ONNX Runtime serves,
  // loading them anyway cost ~50 MB of this process's memory for nothing (issue 12, rss_mb).
  async loadTfjs(options) {
    const [{ loadFaceRuntime }, { tfjsNetworks }] = await Promise.all([
      import('../networks/tfjs/tfjs-runtime'),
      import('../networks/tfjs/tfjs-networks'),
    ]);
    const rt = await loadFaceRuntime(options);
    return { rt, nets: tfjsNetworks(rt) };
  },
};

async function handle({ nets, tfjs }: LoadedNetworks, task: TaskRequest): Promise<TaskPayload> {
  switch (task.kind) {
    case 'analyze':
      return {
        kind: 'analyze',
        analysis: await analyzeFace(nets, task.bytes, init.pipeline, task.checkBlocks),
      };
    case 'frame':
      return { kind: 'frame', frame: await analyzeFrame(nets, task.bytes, init.pipeline) };
    case 'reference': {
      // face-api's stock pipeline exists only on TensorFlow.js; the bench runs it on a wasm engine.
      if (tfjs === undefined) {
        throw new EngineError(
          'detection_server_error',
          'the stock face-api pipeline needs a TensorFlow.js runtime (FACEAUTH_BACKEND=wasm)',
        );
      }
      const { runReferencePipeline } = await import('../networks/tfjs/tfjs-reference-pipeline');
      const started = performance.now();
      const faceFound = await runReferencePipeline(tfjs, task.bytes, init.pipeline);
      return { kind: 'reference', reference: { faceFound, ms: performance.now() - started } };
    }
    case 'thumbnail':
      return { kind: 'thumbnail', thumbnail: await makeThumbnail(task.bytes) };
  }
}

async function main(): Promise<void> {
  let models: LoadedNetworks;
  try {
    models = await loadNetworks(init.runtime, environment);
    // On ONNX Runtime the last-resort detector loads on first use (runtime/onnx-loader.ts): a
    // warm-up run would load it for nothing. TensorFlow.js warms it (kernel compilation).
    const onnx = onnxProviderOf(models.choice.runtime) !== undefined;
    const warm = onnx ? { ...models.nets, ssdLoaded: false } : models.nets;
    await warmUp(warm, init.pipeline.detector.tinyInputSize);
  } catch (err) {
    port.postMessage({ type: 'init-failed', message: describeError(err) } satisfies WorkerEvent);
    return;
  }
  port.postMessage({
    type: 'ready',
    backend: summarizeChoice(models.choice),
    modelLoadMs: models.modelLoadMs,
    trials: models.choice.trials,
  } satisfies WorkerEvent);
  let inFlight = 0;
  let stopping = false;
  // Exits only between tasks, after releasing the sessions: see stop-worker.ts.
  const exitIfIdle = (): void => {
    if (!stopping || inFlight > 0) return;
    void models.nets
      .dispose()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  port.on('message', (message: TaskRequest | WorkerControl) => {
    if ('type' in message) {
      stopping = true;
      exitIfIdle();
      return;
    }
    const task = message;
    const started = performance.now();
    inFlight++;
    handle(models, task)
      .finally(() => {
        inFlight--;
        setImmediate(exitIfIdle);
      })
      .then(
        (payload) => {
          const response: TaskResponse = {
            id: task.id,
            ok: true,
            payload,
            workerMs: performance.now() - started,
          };
          port.postMessage(response);
        },
        (err: unknown) => {
          const response: TaskResponse =
            err instanceof EngineError
              ? { id: task.id, ok: false, code: err.code, detail: err.detail }
              : {
                  id: task.id,
                  ok: false,
                  code: 'detection_server_error',
                  detail: describeError(err),
                };
          port.postMessage(response);
        },
      );
  });
}

void main();
