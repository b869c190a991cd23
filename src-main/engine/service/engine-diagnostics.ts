// The engine's diagnostics (Settings' engine panel, `engine providers`): how it started and what
// its pool is doing now.
import type { EngineDiagnostics } from '../engine-types';
import { TEMPLATE_MODEL } from '../template/face-template';
import type { StartedPool } from './start-pool';

export function engineDiagnostics(started: StartedPool): EngineDiagnostics {
  const { pool, first } = started;
  return {
    backend: first.backend.backend,
    refused: first.backend.refused,
    forced: first.backend.forced,
    providers: first.trials,
    threads: started.onnx ? started.threads : null,
    modelLoadMs: first.modelLoadMs,
    workers: started.workers,
    maxQueue: started.maxQueue,
    queued: pool.queued,
    busy: pool.busy,
    completed: pool.completed,
    workersReplaced: pool.replaced,
    templateModel: TEMPLATE_MODEL,
    workerScript: started.workerScript,
  };
}
