import type { HandlerSlice } from '../bridge/handlers';
import type { StationStatusService } from './station-status';

export function stationHandlers(status: StationStatusService): HandlerSlice<'station:status'> {
  return {
    'station:status': async () => status.current(),
  };
}
