// History, detail, override and CSV export. Overrides that turn a result into an approval need a
// second person's supervisor credentials typed at the desk (approval.ts); every override lands in
// the audit chain (store).
import { BridgeError } from '../../src-shared/contract/envelope';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { withApprover } from './approval';
import { eraseHandlers } from './erase-handlers';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import { formatOverrideReason } from './override-reason';
import { resultsToCsv } from './results-csv';
import { toResultView } from './result-view';
import { searchHistory } from './history-search';

type ResultChannels =
  | 'results:search'
  | 'results:detail'
  | 'results:override'
  | 'results:exportCsv'
  | 'results:erasePerson';

export function resultHandlers(
  store: StoreClient,
  /** Called after an override is recorded: the sync queue changed. */
  onChanged: () => void,
): HandlerSlice<ResultChannels> {
  return {
    ...eraseHandlers(store),
    'results:search': async (filter, { connection }) => {
      await requireOperator(store, connection);
      return searchHistory(store, filter);
    },
    'results:detail': async ({ authenticationId }, { connection }) => {
      const { token } = await requireOperator(store, connection);
      const stored = await callStore(store, 'results:get', { authenticationId });
      if (stored === null) throw new BridgeError('bad_request', 'No such result');
      // Audited: the viewer, the result and the time land in the audit chain with the image.
      const image = stored.hasCapturedImage
        ? await callStore(store, 'access:capturedImage', { sessionToken: token, authenticationId })
        : null;
      return { result: toResultView(stored), capturedImage: image ? new Uint8Array(image) : null };
    },
    'results:override': async (request, { connection }) => {
      const desk = await requireOperator(store, connection);
      const record = (approverToken: string | null) =>
        callStore(store, 'results:override', {
          sessionToken: desk.token,
          approverToken,
          authenticationId: request.authenticationId,
          decision: request.decision,
          reason: formatOverrideReason(
            request.reasonCode,
            request.reasonText,
            desk.session.operator.username,
          ),
        });
      // Any operator may reject; an approval always needs a second person (approval.ts).
      if (request.decision === 'approved')
        await withApprover(store, connection.id, desk, request.supervisor, record);
      else await record(null);
      onChanged();
      const stored = await callStore(store, 'results:get', {
        authenticationId: request.authenticationId,
      });
      if (stored === null) throw new BridgeError('internal', 'The overridden result vanished');
      return toResultView(stored);
    },
    'results:exportCsv': async (filter, { connection }) => {
      const { token } = await requireOperator(store, connection, 'supervisor');
      const { rows, errors } = await searchHistory(store, filter);
      const count = rows.length + errors.length;
      await callStore(store, 'access:resultsExport', {
        sessionToken: token,
        rows: count,
        filter: { ...filter },
      });
      return { csv: resultsToCsv(rows, errors), rows: count };
    },
  };
}
