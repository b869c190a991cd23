// How many pool workers a runtime gets on this machine (docs/engine.md, "Process model").
// ONNX Runtime: one worker. Its sessions spread each inference over the cores with intra-op
// threads, so one copy of the models serves the whole machine (a second copy per core only adds
// memory), and a WebGPU device must be driven by exactly one thread (../shared/gpu-recipe.md:
// two threads at once broke the device). TensorFlow.js wasm runs one thread per instance, so it
// keeps one worker per core, each with its own models.
import os from 'node:os';
import { onnxProviderOf, type RuntimeName } from './runtime-names';

export function defaultCores(): number {
  return Math.max(1, os.availableParallelism());
}

/** Workers for `runtime`; `requested` (the engine's `workers` option) applies to TensorFlow.js. */
export function workersFor(runtime: RuntimeName, requested: number | undefined): number {
  if (onnxProviderOf(runtime) !== undefined) return 1;
  return Math.max(1, requested ?? defaultCores());
}
