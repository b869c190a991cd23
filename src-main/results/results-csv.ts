// CSV export of the filtered history rows, for supervisors. The cells are written by the same
// injection-safe writer as the store's file export (every cell quoted, formulas neutralised).
// Error attempts (no_face, Invalid_submissionId, …) come after the results, with their FaceAuth
// code and no verdict or score: they have none.
import type { ErrorAttemptView, ResultView } from '../../src-shared/contract/results';
import { csvLine } from '../store/csv';

const COLUMNS = [
  'authentication_id',
  'submission_id',
  'recorded_at',
  'operator_id',
  'station_verdict',
  'face_similarity_score',
  'fail_codes',
  'final_status',
  'override_reason',
  'override_by',
  'central_verdict',
  'disagreement',
  'synced',
  'operator_name',
  'error_code',
] as const;

function resultLine(row: ResultView): string {
  const lastOverride = row.overrides.at(-1);
  return csvLine([
    row.authenticationId,
    row.submissionId,
    row.recordedAt,
    row.operatorId,
    row.result.auth_status,
    row.result.score.face_similarity_score,
    row.result.auth_status === 'rejected' ? row.result.fail_code.join(' ') : '',
    row.finalStatus,
    lastOverride ? `${lastOverride.reasonCode}: ${lastOverride.reasonText}` : null,
    // Who authorised the override that stands: the approving supervisor, by name.
    lastOverride ? (lastOverride.byOperatorName ?? lastOverride.byOperatorId) : null,
    row.central?.authStatus ?? null,
    row.disagreement,
    row.synced,
    row.operatorName,
    null,
  ]);
}

function errorLine(attempt: ErrorAttemptView): string {
  return csvLine([
    null,
    attempt.submissionId,
    attempt.recordedAt,
    attempt.operatorId,
    'error',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    // Never sent: an error answer has no authentication_id for the central API to keep.
    null,
    attempt.operatorName,
    attempt.errorCode,
  ]);
}

export function resultsToCsv(
  rows: readonly ResultView[],
  errors: readonly ErrorAttemptView[] = [],
): string {
  return [csvLine(COLUMNS), ...rows.map(resultLine), ...errors.map(errorLine)].join('');
}
