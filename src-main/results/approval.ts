// Who may turn a rejection into an approval: a supervisor who types their credentials at the
// desk, and who is neither the operator signed in at the desk (a supervisor working the desk
// needs a second, distinct supervisor: four eyes) nor, as the store checks again, the operator
// who captured the result. The authorisation is a short session that ends with the action.
import { BridgeError } from '../../src-shared/contract/envelope';
import type { SignedIn } from '../access/require-operator';
import { roleAtLeast } from '../access/require-operator';
import { callStore } from '../store/call-store';
import { acceptedOrThrow, signInGateFor } from '../session/sign-in-gates';
import type { StoreClient } from '../store/client';

export interface Credentials {
  username: string;
  password: string;
}

/** Runs `action` with the approving supervisor's one-off token; the token ends afterwards. */
export async function withApprover<T>(
  store: StoreClient,
  connectionId: string,
  desk: SignedIn,
  credentials: Credentials | undefined,
  action: (approverToken: string) => Promise<T>,
): Promise<T> {
  if (credentials === undefined) {
    throw new BridgeError('forbidden', 'Approving a rejection needs a supervisor’s credentials');
  }
  // `forbidden`, not `unauthorized`: the desk's own session is fine and must not be signed out.
  const approver = acceptedOrThrow(
    await signInGateFor(store).signIn(
      connectionId,
      credentials.username,
      credentials.password,
      'authorise',
    ),
    () => new BridgeError('forbidden', 'The supervisor credentials were not accepted'),
  );
  try {
    const who = approver.session.operator;
    if (!roleAtLeast(who.role, 'supervisor'))
      throw new BridgeError('forbidden', `${who.username} is not a supervisor`);
    if (who.operatorId === desk.session.operator.operatorId) {
      throw new BridgeError(
        'forbidden',
        'A second supervisor must approve: the one signed in at the desk cannot approve alone',
      );
    }
    return await action(approver.token);
  } finally {
    await callStore(store, 'operators:logout', { sessionToken: approver.token });
  }
}
