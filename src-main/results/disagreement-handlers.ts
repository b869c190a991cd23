// Results the central API decided differently from the station wait for a supervisor, who
// looks at them and marks them reviewed (audited in the store).
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import { toResultView } from './result-view';

export function disagreementHandlers(
  store: StoreClient,
  onChanged: () => void,
): HandlerSlice<'results:disagreements' | 'results:reviewDisagreement'> {
  return {
    'results:disagreements': async ({ limit }, { connection }) => {
      await requireOperator(store, connection, 'supervisor');
      const open = await callStore(store, 'sync:disagreements', { limit });
      const rows = [];
      for (const flagged of open) {
        const stored = await callStore(store, 'results:get', {
          authenticationId: flagged.authentication_id,
        });
        if (stored !== null) rows.push(toResultView(stored));
      }
      return { rows };
    },
    'results:reviewDisagreement': async ({ authenticationId }, { connection }) => {
      const { token } = await requireOperator(store, connection, 'supervisor');
      const answer = await callStore(store, 'sync:reviewDisagreement', {
        sessionToken: token,
        authenticationId,
      });
      onChanged();
      return answer;
    },
  };
}
