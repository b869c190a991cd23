// The console's view of a stored result: the station's verdict, overrides, the central verdict
// that came back later, and whether the two disagree.
import type { ResultView } from '../../src-shared/contract/results';
import type { StoredResult } from '../store/services/result-reads';
import { parseOverrideReason } from './override-reason';

/** What sync stores as the central verdict (store/services/sync-delivery.ts CentralVerdict);
 *  read defensively, since it is JSON written by an earlier version too. */
interface CentralVerdictLike {
  auth_status?: unknown;
  face_similarity_score?: unknown;
}

export function toResultView(stored: StoredResult): ResultView {
  const overrides = stored.overrides.map((override) => {
    const reason = parseOverrideReason(override.reason);
    return {
      decision: override.decision === 'approved' ? ('approved' as const) : ('rejected' as const),
      reasonCode: reason.code,
      reasonText: reason.text,
      byOperatorId: override.supervisorId,
      byOperatorName: override.supervisorName,
      at: new Date(override.createdAt).toISOString(),
    };
  });
  const central = centralView(stored);
  const finalStatus = overrides.at(-1)?.decision ?? stored.result.auth_status;
  return {
    authenticationId: stored.authenticationId,
    submissionId: stored.submissionId,
    result: stored.result,
    recordedAt: new Date(stored.recordedAt).toISOString(),
    operatorId: stored.operatorId,
    operatorName: stored.operatorName,
    overrides,
    finalStatus,
    central,
    disagreement: central !== null && central.authStatus !== stored.result.auth_status,
    synced: stored.syncedAt !== null,
    hasCapturedImage: stored.hasCapturedImage,
    imagePurgedAt:
      stored.imagePurgedAt == null ? null : new Date(stored.imagePurgedAt).toISOString(),
  };
}

function centralView(stored: StoredResult): ResultView['central'] {
  const verdict = stored.centralVerdict as CentralVerdictLike | null;
  if (
    verdict === null ||
    (verdict.auth_status !== 'approved' && verdict.auth_status !== 'rejected')
  )
    return null;
  const score = verdict.face_similarity_score;
  return {
    authStatus: verdict.auth_status,
    faceSimilarityScore: typeof score === 'number' ? score : null,
    receivedAt: new Date(stored.syncedAt ?? stored.recordedAt).toISOString(),
  };
}
