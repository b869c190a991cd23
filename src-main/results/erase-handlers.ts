// Erase one person (admin): see store/services/erase-person.ts.
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';

export function eraseHandlers(store: StoreClient): HandlerSlice<'results:erasePerson'> {
  return {
    'results:erasePerson': async ({ submissionId }, { connection }) => {
      const { token } = await requireOperator(store, connection, 'admin');
      const report = await callStore(store, 'results:erasePerson', {
        sessionToken: token,
        submissionId,
      });
      return { submission: report.submission, images: report.images };
    },
  };
}
