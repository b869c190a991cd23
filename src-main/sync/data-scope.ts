// Which submissions a sync service may send: a real central API never receives DEMO data, and
// demo mode's local simulator never receives real data (it would refuse it and the station
// would park real results as "Invalid_submissionId"). Checked at push time for every kind of
// outbox item, so it holds across restarts and whatever queued the item.
import { isDemoSubmissionId } from '../../src-shared/faceauth/demo-ids';

export type DataScope = 'real' | 'demo';

export const DEMO_REFUSED_REASON = 'Demo data is never sent to a real central API';
export const REAL_KEPT_REASON = 'Kept for the real central API while demo mode is on';
/** How long a real item waits in demo mode before it is looked at again. */
export const REAL_KEPT_DELAY_MS = 10 * 60_000;

export type ScopeVerdict = 'send' | 'refuse' | 'keep';

/** 'refuse': park it (DEMO data facing a real API); 'keep': leave it queued (real data in demo). */
export function scopeVerdict(scope: DataScope, submissionId: string): ScopeVerdict {
  const demo = isDemoSubmissionId(submissionId);
  if (scope === 'real') return demo ? 'refuse' : 'send';
  return demo ? 'send' : 'keep';
}
