// Calls into the store worker from bridge handlers, with the store's closed error codes mapped
// onto the bridge's closed codes (SQLite details never reach the renderer).
import { BridgeError, type BridgeErrorCode } from '../../src-shared/contract/envelope';
import type { StoreClient } from './client';
import { StoreError, type StoreErrorCode } from '../database/errors';
import type { StoreArgs, StoreMethod, StoreReply } from './worker/handlers';

const BRIDGE_CODE: Record<StoreErrorCode, BridgeErrorCode> = {
  safe_mode: 'unavailable',
  db_newer: 'unavailable',
  db_unrecognised: 'unavailable',
  db_unreadable: 'unavailable',
  invalid_input: 'bad_request',
  not_found: 'bad_request',
  conflict: 'bad_request',
  unauthenticated: 'unauthorized',
  forbidden: 'forbidden',
  locked_out: 'forbidden',
  closed: 'unavailable',
  internal: 'internal',
};

export async function callStore<K extends StoreMethod>(
  store: StoreClient,
  method: K,
  args: StoreArgs<K>,
): Promise<StoreReply<K>> {
  try {
    return await store.send(method, args);
  } catch (error) {
    if (error instanceof StoreError) throw new BridgeError(BRIDGE_CODE[error.code], error.message);
    throw error;
  }
}
