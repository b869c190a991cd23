// Who is calling: the operator signed in on this bridge connection, with at least a role.
import { BridgeError } from '../../src-shared/contract/envelope';
import type { OperatorRoleName, SessionView } from '../../src-shared/contract/session';
import type { ConnectionState } from '../bridge/handlers';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import type { SessionInfo } from '../operators/service';
import { roleAllows } from '../../src-shared/operator-roles';

export interface SignedIn {
  token: string;
  session: SessionInfo;
}

export async function requireOperator(
  store: StoreClient,
  connection: ConnectionState,
  role: OperatorRoleName = 'operator',
): Promise<SignedIn> {
  const token = connection.sessionToken;
  if (token === null) throw new BridgeError('unauthorized', 'Sign in first');
  try {
    const session = await callStore(store, 'operators:session', { sessionToken: token });
    if (!roleAllows(session.operator.role, role)) {
      throw new BridgeError('forbidden', `This needs the ${role} role`);
    }
    return { token, session };
  } catch (error) {
    // An ended session (idle, expired, revoked) is forgotten so the next call asks to sign in.
    if (error instanceof BridgeError && error.code === 'unauthorized')
      connection.sessionToken = null;
    throw error;
  }
}

/** Kept for results/approval.ts: the one ranking is src-shared/operator-roles.ts. */
export { roleAllows as roleAtLeast } from '../../src-shared/operator-roles';

export function toSessionView(session: SessionInfo): SessionView {
  const { operatorId, username, displayName, role } = session.operator;
  return {
    operator: { operatorId, username, displayName, role },
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}
