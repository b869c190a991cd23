// Operator roles are ordered: a supervisor may do what an operator may, an admin what a
// supervisor may. The one ranking main (access checks, the operators service) and the renderer use.
import type { OperatorRoleName } from './contract/session';

const ROLE_RANK: Record<OperatorRoleName, number> = { operator: 1, supervisor: 2, admin: 3 };

export function roleAllows(held: OperatorRoleName, needed: OperatorRoleName): boolean {
  return ROLE_RANK[held] >= ROLE_RANK[needed];
}
