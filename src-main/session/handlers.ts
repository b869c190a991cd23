// Sign-in, sign-out and the first admin account. The token stays on the connection in main.
import { BridgeError } from '../../src-shared/contract/envelope';
import type { Language } from '../../src-shared/contract/settings';
import type { HandlerSlice } from '../bridge/handlers';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import { requireOperator, toSessionView } from '../access/require-operator';
import { acceptedOrThrow, signInGateFor, SIGN_IN_REFUSED } from './sign-in-gates';

type SessionChannels =
  'session:current' | 'session:signIn' | 'session:signOut' | 'session:createFirstAdmin';

export function sessionHandlers(store: StoreClient): HandlerSlice<SessionChannels> {
  const gate = signInGateFor(store);
  const signIn = async (connectionId: string, username: string, password: string) =>
    acceptedOrThrow(
      await gate.signIn(connectionId, username, password, 'session'),
      () => new BridgeError('unauthorized', SIGN_IN_REFUSED),
    );

  return {
    'session:current': async (_request, { connection }) => {
      const [needsFirstAdmin, stationLanguage] = await Promise.all([
        callStore(store, 'operators:needsFirstAdmin', {}),
        callStore(store, 'settings:get', { key: 'language' }),
      ]);
      const signedOut = {
        session: null,
        needsFirstAdmin,
        stationLanguage: stationLanguage as Language,
      };
      if (connection.sessionToken === null) return signedOut;
      try {
        const { session } = await requireOperator(store, connection);
        return { ...signedOut, session: toSessionView(session) };
      } catch (error) {
        if (error instanceof BridgeError && error.code === 'unauthorized') return signedOut;
        throw error;
      }
    },
    'session:signIn': async ({ username, password }, { connection }) => {
      const outcome = await signIn(connection.id, username, password);
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
      const outcome = await signIn(connection.id, username, password);
      connection.sessionToken = outcome.token;
      return toSessionView(outcome.session);
    },
  };
}
