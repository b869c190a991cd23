import type { StoreContext } from '../context';
import { listOverrides } from '../queries/results';
import { searchResultRows, type ResultSearch } from '../queries/result-search';
import { toStoredResult, type StoredResult } from './results';

export function searchResults(ctx: StoreContext, search: ResultSearch): StoredResult[] {
  const limit = Math.max(1, Math.min(500, Math.trunc(search.limit)));
  return searchResultRows(ctx.read, { ...search, limit }).map((record) =>
    toStoredResult(record, listOverrides(ctx.read, record.authenticationId)),
  );
}
