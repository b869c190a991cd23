// What kind of data this station holds. A station with real results or cached submissions
// never falls back to demo mode on its own (its queue would go to a throwaway simulator).
import type { StoreContext } from '../../database/context';
import { countRealRows } from '../../database/queries/station-data';

export function holdsRealData(ctx: StoreContext, demoPrefix: string): boolean {
  return countRealRows(ctx.read, demoPrefix) > 0;
}
