// Starts the engine's worker pool: one worker tries the runtimes first, then as many more start
// as the runtime that serves allows (runtime/process-model.ts), and the choice is logged once.
import {
  DEFAULT_TASK_TIMEOUT_MS,
  type EngineLogger,
  type FaceEngineOptions,
} from '../engine-types';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from '../pipeline/pipeline-config';
import { WorkerPool, type WorkerReady } from '../pool/worker-pool';
import { defaultWorkerScript } from '../pool/worker-script';
import type { EngineRuntimeOptions } from '../runtime/load-networks';
import { cpuThreadsPerWorker, defaultCores, workersFor } from '../runtime/process-model';
import { onnxProviderOf } from '../runtime/runtime-names';

export interface StartedPool {
  pool: WorkerPool;
  /** The first worker's start: the runtime that serves, the ones refused, load time. */
  first: WorkerReady;
  workers: number;
  /** ONNX Runtime's intra-op threads per CPU worker. */
  threads: number;
  /** Whether an ONNX Runtime provider serves (threads then mean something). */
  onnx: boolean;
  maxQueue: number;
  workerScript: string;
}

export async function startEnginePool(
  options: FaceEngineOptions,
  logger: EngineLogger,
): Promise<StartedPool> {
  const pipeline: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, ...options.pipeline };
  const threads = cpuThreadsPerWorker(options.threads, options.workers);
  const maxQueue = options.maxQueue ?? Math.max(options.workers ?? defaultCores(), 2) * 4;
  const workerScript = options.workerScript ?? defaultWorkerScript();
  const runtime: EngineRuntimeOptions = {
    backend: options.backend,
    modelDir: options.modelDir,
    onnxModelDir: options.onnxModelDir,
    wasmDir: options.wasmDir,
    loadSsd: options.loadSsd,
    loadCovered: options.loadCovered,
    threads,
  };
  // The first worker tries the runtimes; how many more start depends on which one serves.
  const pool = await WorkerPool.start({
    size: 1,
    maxQueue,
    taskTimeoutMs: options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS,
    workerScript,
    init: { runtime, pipeline },
  });
  const first = pool.workerInfo[0];
  if (first === undefined) throw new Error('worker pool started without workers');
  const serving = first.backend.backend;
  const workers = workersFor(serving, options.workers);
  try {
    await pool.addWorkers(workers - 1, { runtime: { ...runtime, backend: serving }, pipeline });
  } catch (err) {
    await pool.close();
    throw err;
  }
  const onnx = onnxProviderOf(serving) !== undefined;
  logger.info('face engine ready', {
    backend: serving,
    refused: first.backend.refused,
    forced: first.backend.forced,
    providers: first.trials,
    workers,
    ...(onnx ? { threads } : {}),
    modelLoadMs: Math.round(first.modelLoadMs),
  });
  return { pool, first, workers, threads, onnx, maxQueue, workerScript };
}
