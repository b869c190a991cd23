// Reading and setting the offline cache's maximum age (store/services/submissions.ts applies it).
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';

export function cacheAgeHandlers(
  store: StoreClient,
): HandlerSlice<'settings:cacheAge' | 'settings:setCacheAge'> {
  const read = async () => ({
    // The store's generic settings:get answers the union of setting types; this key is a number.
    maxCacheAgeDays: Number(await callStore(store, 'settings:get', { key: 'maxCacheAgeDays' })),
  });
  return {
    'settings:cacheAge': async (_request, { connection }) => {
      await requireOperator(store, connection);
      return read();
    },
    'settings:setCacheAge': async ({ maxCacheAgeDays }, { connection }) => {
      const { token } = await requireOperator(store, connection, 'admin');
      await callStore(store, 'settings:set', {
        sessionToken: token,
        key: 'maxCacheAgeDays',
        value: maxCacheAgeDays,
      });
      return read();
    },
  };
}
