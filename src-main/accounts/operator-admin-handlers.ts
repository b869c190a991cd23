// An admin's changes to operator accounts, and anyone's change of their own password. New
// passwords are checked and hashed here in main (scrypt off the store worker's queue); the old
// password is checked through the sign-in gate, so this door is throttled like sign-in.
import { BridgeError } from '../../src-shared/contract/envelope';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { callStore } from '../store/call-store';
import type { OperatorChange } from '../operators/admin';
import { hashPassword } from '../operators/password';
import { checkNewPassword } from '../operators/password-rules';
import { DEFAULT_OPERATOR_POLICY } from '../operators/policy';
import { StoreError } from '../database/errors';
import type { StoreClient } from '../store/client';
import { signInGateFor, throttledError } from '../session/sign-in-gates';

export type OperatorAdminChannel =
  | 'operators:disable'
  | 'operators:enable'
  | 'operators:unlock'
  | 'operators:revokeSessions'
  | 'operators:resetPassword'
  | 'operators:changeRole'
  | 'operators:changeOwnPassword';

/** Password rules, with the store's invalid_input turned into the bridge's bad_request. */
async function hashNewPassword(password: string): Promise<string> {
  try {
    checkNewPassword(password, DEFAULT_OPERATOR_POLICY);
  } catch (error) {
    if (error instanceof StoreError) throw new BridgeError('bad_request', error.message);
    throw error;
  }
  return hashPassword(password);
}

export function operatorAdminHandlers(store: StoreClient): HandlerSlice<OperatorAdminChannel> {
  const change = (
    operatorChange: (request: { operatorId: string }) => Promise<OperatorChange> | OperatorChange,
  ) =>
    (async (request: { operatorId: string }, { connection }) => {
      const { token } = await requireOperator(store, connection, 'admin');
      await callStore(store, 'operators:change', {
        sessionToken: token,
        operatorId: request.operatorId,
        change: await operatorChange(request),
      });
      return {};
    }) satisfies HandlerSlice<'operators:disable'>['operators:disable'];

  return {
    'operators:disable': change(() => ({ action: 'disable' })),
    'operators:enable': change(() => ({ action: 'enable' })),
    'operators:unlock': change(() => ({ action: 'unlock' })),
    'operators:revokeSessions': change(() => ({ action: 'revokeSessions' })),
    'operators:resetPassword': async (request, context) =>
      change(async () => ({
        action: 'resetPassword',
        passwordHash: await hashNewPassword(request.password),
      }))(request, context),
    'operators:changeRole': async (request, context) =>
      change(() => ({ action: 'changeRole', role: request.role }))(request, context),
    'operators:changeOwnPassword': async (request, { connection }) => {
      const { token } = await requireOperator(store, connection);
      const newHash = await hashNewPassword(request.newPassword);
      const checked = await signInGateFor(store).checkOwnPassword(
        connection.id,
        token,
        request.currentPassword,
      );
      if (!checked.ok && checked.reason === 'throttled') throw throttledError(checked);
      // `forbidden`, not `unauthorized`: the session itself is fine and stays signed in.
      if (!checked.ok) throw new BridgeError('forbidden', 'The current password is wrong');
      await callStore(store, 'operators:setOwnPassword', {
        sessionToken: token,
        verifiedHash: checked.verifiedHash,
        newHash,
      });
      return {};
    },
  };
}
