import type { StoreContext } from '../../database/context';
import { searchResultRows, type ResultSearch } from '../../database/queries/result-search';
import { storedResultOf, type StoredResult } from './result-reads';

export function searchResults(ctx: StoreContext, search: ResultSearch): StoredResult[] {
  const limit = Math.max(1, Math.min(500, Math.trunc(search.limit)));
  return searchResultRows(ctx.read, { ...search, limit }).map((record) =>
    storedResultOf(ctx.read, record),
  );
}
