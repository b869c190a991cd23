// A fresh station has no accounts: the console then asks for the first admin before anything.
import type { StoreContext } from '../database/context';
import { countOperators } from '../database/queries/operators';

export function needsFirstAdmin(ctx: StoreContext): boolean {
  return countOperators(ctx.read) === 0;
}
