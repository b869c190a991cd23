import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { withEngine, type EngineRuntime } from '../station/engine-runtime';
import type { StationStatusService } from '../station/station-status';
import type { StoreClient } from '../store/client';
import { analyzeFrame } from './frame-analyzer';

export function frameHandlers(
  status: StationStatusService,
  engine: EngineRuntime,
  store: StoreClient,
): HandlerSlice<'frame:analyze'> {
  return {
    'frame:analyze': async (request, { connection }) => {
      // A face picture is biometric data: only a signed-in operator's window may send one.
      await requireOperator(store, connection);
      // Before the models are ready, frames are still decoded so the operator sees the camera works.
      const answer = engine.current()
        ? await withEngine(engine, (ready) => analyzeFrame(request, ready))
        : await analyzeFrame(request, null);
      status.update({ framesAnalyzed: status.current().framesAnalyzed + 1 });
      return answer;
    },
  };
}
