// Local operator accounts, managed by an admin from the console.
import type { OperatorSummaryView } from '../../src-shared/contract/session';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { callStore } from '../store/call-store';
import type { OperatorSummary } from '../operators/service';
import type { StoreClient } from '../store/client';
import { operatorAdminHandlers, type OperatorAdminChannel } from './operator-admin-handlers';

function toView(
  summary: OperatorSummary & { lastSignInAt?: number | null },
  now: number,
): OperatorSummaryView {
  const { operatorId, username, displayName, role } = summary;
  const locked = summary.lockedUntil !== null && summary.lockedUntil > now;
  const iso = (at: number | null | undefined) => (at == null ? null : new Date(at).toISOString());
  return {
    operatorId,
    username,
    displayName,
    role,
    locked,
    lockedUntil: locked ? iso(summary.lockedUntil) : null,
    disabled: summary.disabled,
    lastSignInAt: iso(summary.lastSignInAt),
  };
}

export function operatorHandlers(
  store: StoreClient,
): HandlerSlice<'operators:list' | 'operators:create' | OperatorAdminChannel> {
  return {
    ...operatorAdminHandlers(store),
    'operators:list': async (_request, { connection }) => {
      const { token } = await requireOperator(store, connection, 'admin');
      const operators = await callStore(store, 'operators:list', { sessionToken: token });
      return { operators: operators.map((operator) => toView(operator, Date.now())) };
    },
    'operators:create': async (operator, { connection }) => {
      const { token } = await requireOperator(store, connection, 'admin');
      return toView(
        await callStore(store, 'operators:create', { sessionToken: token, operator }),
        Date.now(),
      );
    },
  };
}
