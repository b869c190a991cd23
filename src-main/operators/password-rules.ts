// What a new password must be, checked before it is hashed (by the store for new accounts, by
// main for resets and changes, which hash off the store's queue).
import { StoreError } from '../database/errors';
import type { OperatorPolicy } from '../database/context';

/** The contract caps passwords at this length; scrypt's cost does not depend on it. */
export const MAX_PASSWORD_LENGTH = 256;

export function checkNewPassword(password: string, policy: OperatorPolicy): void {
  // Counted in code points, so that a Korean passphrase counts its syllables, not UTF-16 units.
  const length = [...password].length;
  if (length < policy.minPasswordLength) {
    throw new StoreError(
      'invalid_input',
      `password must have at least ${policy.minPasswordLength} characters`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new StoreError(
      'invalid_input',
      `password must have at most ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
}
