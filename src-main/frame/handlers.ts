import type { HandlerSlice } from '../bridge/handlers';
import { withEngine, type EngineRuntime } from '../host/engine-runtime';
import type { StationStatusService } from '../station/station-status';
import { analyzeFrame } from './frame-analyzer';

export function frameHandlers(
  status: StationStatusService,
  engine: EngineRuntime,
): HandlerSlice<'frame:analyze'> {
  return {
    'frame:analyze': async (request) => {
      // Before the models are ready, frames are still decoded so the operator sees the camera works.
      const answer = engine.current()
        ? await withEngine(engine, (ready) => analyzeFrame(request, ready))
        : await analyzeFrame(request, null);
      status.update({ framesAnalyzed: status.current().framesAnalyzed + 1 });
      return answer;
    },
  };
}
