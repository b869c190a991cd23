// Account policy as data: lock-out and session lifetimes, and what each role may do.
import type { OperatorPolicy } from '../database/context';
import type { OperatorRole } from '../database/queries/operators';

export const DEFAULT_OPERATOR_POLICY: OperatorPolicy = {
  maxFailedAttempts: 5,
  lockoutMs: 15 * 60_000,
  sessionIdleMs: 15 * 60_000,
  sessionMaxMs: 12 * 60 * 60_000,
  // OWASP ASVS 4.0 V2.1.1: at least 12 characters.
  minPasswordLength: 12,
  authorisationMs: 60_000,
};

export const OPERATOR_ROLES: readonly OperatorRole[] = ['operator', 'supervisor', 'admin'];

export { roleAllows } from '../../src-shared/operator-roles';

export function isOperatorRole(value: unknown): value is OperatorRole {
  return typeof value === 'string' && (OPERATOR_ROLES as readonly string[]).includes(value);
}
