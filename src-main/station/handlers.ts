// The status bar's data names the station, its engine and its network: for a signed-in
// operator only, like every method except signing in (issue 11).
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import type { StoreClient } from '../store/client';
import type { StationStatusService } from './station-status';

export function stationHandlers(
  status: StationStatusService,
  store: StoreClient,
): HandlerSlice<'station:status'> {
  return {
    'station:status': async (_request, { connection }) => {
      await requireOperator(store, connection);
      return status.current();
    },
  };
}
