// History, detail, override and CSV export. Overrides that turn a result into an approval need a
// supervisor's credentials typed at the desk; every override lands in the audit chain (store).
import { BridgeError } from '../../src-shared/contract/envelope';
import type { ResultFilter, ResultView } from '../../src-shared/contract/results';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator, roleAtLeast } from '../access/require-operator';
import { callStore } from '../host/store-calls';
import type { StoreClient } from '../store/client';
import { formatOverrideReason } from './override-reason';
import { resultsToCsv } from './results-csv';
import { toResultView } from './result-view';

type ResultChannels =
  'results:search' | 'results:detail' | 'results:override' | 'results:exportCsv';

const DAY_MS = 86_400_000;

async function search(
  store: StoreClient,
  filter: Required<Pick<ResultFilter, 'limit'>> & ResultFilter,
): Promise<ResultView[]> {
  const rows = await callStore(store, 'results:search', {
    submissionId: filter.submissionId || null,
    operatorId: filter.operatorId || null,
    operatorName: filter.operator || null,
    status: filter.status ?? null,
    from: filter.from ? Date.parse(`${filter.from}T00:00:00.000Z`) : 0,
    to: filter.to ? Date.parse(`${filter.to}T00:00:00.000Z`) + DAY_MS : Number.MAX_SAFE_INTEGER,
    limit: filter.limit,
  });
  return rows.map(toResultView);
}

export function resultHandlers(
  store: StoreClient,
  /** Called after an override is recorded: the sync queue changed. */
  onChanged: () => void,
): HandlerSlice<ResultChannels> {
  return {
    'results:search': async (filter, { connection }) => {
      await requireOperator(store, connection);
      return { rows: await search(store, filter) };
    },
    'results:detail': async ({ authenticationId }, { connection }) => {
      await requireOperator(store, connection);
      const stored = await callStore(store, 'results:get', { authenticationId });
      if (stored === null) throw new BridgeError('bad_request', 'No such result');
      const image = stored.hasCapturedImage
        ? await callStore(store, 'results:capturedImage', { authenticationId })
        : null;
      return { result: toResultView(stored), capturedImage: image ? new Uint8Array(image) : null };
    },
    'results:override': async (request, { connection }) => {
      const desk = await requireOperator(store, connection);
      let authorisingToken = desk.token;
      let supervisorToken: string | null = null;
      if (
        request.decision === 'approved' &&
        !roleAtLeast(desk.session.operator.role, 'supervisor')
      ) {
        if (!request.supervisor)
          throw new BridgeError(
            'forbidden',
            'Approving a rejection needs a supervisor’s credentials',
          );
        const login = await callStore(store, 'operators:login', request.supervisor);
        if (!login.ok)
          throw new BridgeError('unauthorized', 'The supervisor credentials were not accepted');
        supervisorToken = login.token;
        if (!roleAtLeast(login.session.operator.role, 'supervisor')) {
          await callStore(store, 'operators:logout', { sessionToken: login.token });
          throw new BridgeError(
            'forbidden',
            `${login.session.operator.username} is not a supervisor`,
          );
        }
        authorisingToken = login.token;
      }
      try {
        await callStore(store, 'results:override', {
          sessionToken: authorisingToken,
          authenticationId: request.authenticationId,
          decision: request.decision,
          reason: formatOverrideReason(
            request.reasonCode,
            request.reasonText,
            desk.session.operator.username,
          ),
        });
      } finally {
        // The supervisor's one-off session ends with the action it authorised.
        if (supervisorToken !== null)
          await callStore(store, 'operators:logout', { sessionToken: supervisorToken });
      }
      onChanged();
      const stored = await callStore(store, 'results:get', {
        authenticationId: request.authenticationId,
      });
      if (stored === null) throw new BridgeError('internal', 'The overridden result vanished');
      return toResultView(stored);
    },
    'results:exportCsv': async (filter, { connection }) => {
      await requireOperator(store, connection, 'supervisor');
      const rows = await search(store, filter);
      return { csv: resultsToCsv(rows), rows: rows.length };
    },
  };
}
