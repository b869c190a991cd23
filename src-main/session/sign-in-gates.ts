// One sign-in gate per store, shared by every connection and every handler that checks a
// password (sign-in, a supervisor's authorisation, changing one's own password), so that the
// station-wide limits hold whichever door an attacker knocks on.
import { BridgeError } from '../../src-shared/contract/envelope';
import { callStore } from '../store/call-store';
import type { LoginOutcome } from '../operators/login-steps';
import { SignInGate, type GateOutcome, type Throttled } from '../operators/sign-in-gate';
import type { StoreClient } from '../store/client';

const gates = new WeakMap<StoreClient, SignInGate>();

export function signInGateFor(store: StoreClient): SignInGate {
  let gate = gates.get(store);
  if (gate === undefined) {
    const send: StoreClient['send'] = (method, args) => callStore(store, method, args);
    gate = new SignInGate(send);
    gates.set(store, gate);
  }
  return gate;
}

/** The same words for an unknown account, a wrong password, a disabled or a locked account:
 *  the answer must not tell an attacker which usernames exist (OWASP ASVS 4.0 V2.2.1, V3.2). */
export const SIGN_IN_REFUSED =
  'Sign-in refused: wrong username or password, or the account is locked for a while';

export function throttledError(outcome: Throttled): BridgeError {
  const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
  return new BridgeError('busy', `Too many sign-in attempts: wait ${seconds} s and try again`);
}

/** The session, or the error the bridge answers with. */
export function acceptedOrThrow(
  outcome: GateOutcome,
  refused: () => BridgeError,
): Extract<LoginOutcome, { ok: true }> {
  if (outcome.ok) return outcome;
  if (outcome.reason === 'throttled') throw throttledError(outcome);
  throw refused();
}
