import type { HandlerSlice } from '../bridge/handlers';
import type { StationStatusService } from '../station/station-status';
import { analyzeFrame, type FaceDetector } from './frame-analyzer';

export function frameHandlers(
  status: StationStatusService,
  detector: () => FaceDetector | null,
): HandlerSlice<'frame:analyze'> {
  return {
    'frame:analyze': async (request) => {
      const answer = await analyzeFrame(request, detector());
      status.update({ framesAnalyzed: status.current().framesAnalyzed + 1 });
      return answer;
    },
  };
}
