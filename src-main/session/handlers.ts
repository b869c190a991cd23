// Sign-in, sign-out and the first admin account. The token stays on the connection in main.
import { BridgeError } from '../../src-shared/contract/envelope';
import type { HandlerSlice } from '../bridge/handlers';
import { callStore } from '../host/store-calls';
import type { StoreClient } from '../store/client';
import { requireOperator, toSessionView } from '../access/require-operator';

type SessionChannels =
  'session:current' | 'session:signIn' | 'session:signOut' | 'session:createFirstAdmin';

export function sessionHandlers(store: StoreClient): HandlerSlice<SessionChannels> {
  const signIn = async (username: string, password: string) => {
    const outcome = await callStore(store, 'operators:login', { username, password });
    if (outcome.ok) return outcome;
    if (outcome.reason === 'locked_out') {
      throw new BridgeError(
        'forbidden',
        `Too many wrong passwords: the account is locked until ${new Date(outcome.lockedUntil).toISOString()}`,
      );
    }
    throw new BridgeError('unauthorized', 'Wrong username or password');
  };

  return {
    'session:current': async (_request, { connection }) => {
      const needsFirstAdmin = await callStore(store, 'operators:needsFirstAdmin', {});
      if (connection.sessionToken === null) return { session: null, needsFirstAdmin };
      try {
        const { session } = await requireOperator(store, connection);
        return { session: toSessionView(session), needsFirstAdmin };
      } catch (error) {
        if (error instanceof BridgeError && error.code === 'unauthorized')
          return { session: null, needsFirstAdmin };
        throw error;
      }
    },
    'session:signIn': async ({ username, password }, { connection }) => {
      const outcome = await signIn(username, password);
      connection.sessionToken = outcome.token;
      return toSessionView(outcome.session);
    },
    'session:signOut': async (_request, { connection }) => {
      const token = connection.sessionToken;
      connection.sessionToken = null;
      if (token !== null) await callStore(store, 'operators:logout', { sessionToken: token });
      return {};
    },
    'session:createFirstAdmin': async ({ username, displayName, password }, { connection }) => {
      await callStore(store, 'operators:bootstrapAdmin', { username, displayName, password });
      const outcome = await signIn(username, password);
      connection.sessionToken = outcome.token;
      return toSessionView(outcome.session);
    },
  };
}
