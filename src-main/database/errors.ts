// A closed set of store error codes, so that the worker boundary and the bridge can pass them on
// as `{ code, message }` without leaking SQLite internals.
export const STORE_ERROR_CODES = [
  'safe_mode',
  'db_newer',
  'db_unrecognised',
  'db_unreadable',
  'invalid_input',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'locked_out',
  'closed',
  'internal',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function isStoreErrorCode(value: unknown): value is StoreErrorCode {
  return typeof value === 'string' && (STORE_ERROR_CODES as readonly string[]).includes(value);
}
