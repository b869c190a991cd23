// The sync:* channels (src-shared/contract/sync.ts): what the status bar reads and the "sync now"
// button. The sync domain owns them; host/ only wires them in.
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import type { StoreClient } from '../store/client';
import type { SyncStatusReporter } from './sync-status-reporter';

export function syncHandlers(
  store: StoreClient,
  reporter: SyncStatusReporter,
): HandlerSlice<'sync:status' | 'sync:runNow'> {
  return {
    'sync:status': async (_request, { connection }) => {
      await requireOperator(store, connection);
      return reporter.current();
    },
    'sync:runNow': async (_request, { connection }) => {
      await requireOperator(store, connection);
      return reporter.runNow();
    },
  };
}
