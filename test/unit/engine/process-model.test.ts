// The process model (issue 12, docs/engine.md): one worker for an ONNX accelerator (one thread
// drives a GPU device), one worker per core with one intra-op thread each on ONNX Runtime's CPU
// provider, one worker per core on TensorFlow.js.
import { describe, expect, it } from 'vitest';
import {
  cpuThreadsPerWorker,
  defaultCores,
  workersFor,
} from '../../../src-main/engine/runtime/process-model';

describe('process model', () => {
  it('gives an ONNX accelerator exactly one worker, whatever is requested', () => {
    for (const runtime of ['onnx-webgpu', 'onnx-dml', 'onnx-coreml', 'onnx-cuda'] as const) {
      expect(workersFor(runtime, undefined)).toBe(1);
      expect(workersFor(runtime, 4)).toBe(1);
    }
  });

  it('gives the ONNX CPU provider and TensorFlow.js one worker per core by default', () => {
    expect(workersFor('onnx-cpu', undefined)).toBe(defaultCores());
    expect(workersFor('wasm', undefined)).toBe(defaultCores());
    expect(workersFor('onnx-cpu', 2)).toBe(2);
    expect(workersFor('onnx-cpu', 0)).toBe(1);
  });

  it('shares the intra-op thread budget among the CPU workers, one thread at least', () => {
    expect(cpuThreadsPerWorker(2, 2)).toBe(1);
    expect(cpuThreadsPerWorker(4, 2)).toBe(2);
    expect(cpuThreadsPerWorker(2, 1)).toBe(2);
    expect(cpuThreadsPerWorker(1, 4)).toBe(1);
    expect(cpuThreadsPerWorker(undefined, undefined)).toBe(1);
  });
});
