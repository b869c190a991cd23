// Settings → Audit → Verify (admins): walks the keyed audit chain in the store worker and puts
// the outcome in the status bar, where a failure stays until a later verification passes.
import type { AuditVerificationView } from '../../src-shared/contract/audit';
import { requireOperator } from '../access/require-operator';
import type { HandlerSlice } from '../bridge/handlers';
import { callStore } from '../store/call-store';
import type { StationStatusService } from '../station/station-status';
import type { StoreClient } from '../store/client';

export interface AuditHandlerDeps {
  store: StoreClient;
  status: StationStatusService;
  clock?: () => number;
}

export function auditHandlers(deps: AuditHandlerDeps): HandlerSlice<'audit:verify'> {
  const clock = deps.clock ?? Date.now;
  return {
    'audit:verify': async (_request, { connection }) => {
      await requireOperator(deps.store, connection, 'admin');
      const verification = await callStore(deps.store, 'audit:verify', {});
      const view: AuditVerificationView = {
        ok: verification.ok,
        entries: verification.entries,
        problems: verification.problems.length,
        checkedAt: new Date(clock()).toISOString(),
        acknowledgements: verification.acknowledgements,
        firstProblems: verification.problems.slice(0, 20),
      };
      const { ok, entries, problems, checkedAt } = view;
      deps.status.update({ auditChain: { ok, entries, problems, checkedAt } });
      return view;
    },
  };
}
