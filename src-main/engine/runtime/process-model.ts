// How many pool workers a runtime gets on this machine, and how many intra-op threads each ONNX
// CPU session uses (docs/engine.md, "Process model").
// - ONNX Runtime on an accelerator (WebGPU, DirectML, CoreML, CUDA): ONE worker. A GPU device must
//   be driven by exactly one thread (../shared/gpu-recipe.md: two threads at once broke it).
// - ONNX Runtime on the CPU: one worker per core, ONE intra-op thread each. onnxruntime-node's
//   run() is synchronous in its worker, so one worker with two intra-op threads leaves a core idle
//   while it decodes, aligns and crops (a third of a verification); two single-thread workers keep
//   both cores busy and need no thread synchronisation inside the small batch-1 networks.
//   Measured in one run on this 2-core machine (docs/engine.md): the two-worker model's saturated
//   throughput against the one-worker model's, at the cost of a second copy of the sessions.
// - TensorFlow.js wasm: one worker per core (one thread per instance), as before.
import os from 'node:os';
import { onnxProviderOf, type RuntimeName } from './runtime-names';

export function defaultCores(): number {
  return Math.max(1, os.availableParallelism());
}

/** Workers for `runtime`; `requested` (the engine's `workers` option) applies to every runtime
 *  that computes on the CPU. */
export function workersFor(runtime: RuntimeName, requested: number | undefined): number {
  const provider = onnxProviderOf(runtime);
  if (provider !== undefined && provider !== 'cpu') return 1;
  return Math.max(1, requested ?? defaultCores());
}

/** Intra-op threads per ONNX CPU worker: the thread budget (default one per core) shared among
 *  the CPU workers, at least one each. Decided before the runtime is known, since the first
 *  worker loads its sessions while it chooses (accelerator sessions ignore it). */
export function cpuThreadsPerWorker(threads: number | undefined, workers: number | undefined) {
  const budget = Math.max(1, threads ?? defaultCores());
  return Math.max(1, Math.floor(budget / workersFor('onnx-cpu', workers)));
}
