// CSV export of the filtered history rows, for supervisors. The cells are written by the same
// injection-safe writer as the store's file export (every cell quoted, formulas neutralised).
import type { ResultView } from '../../src-shared/contract/results';
import { csvLine } from '../store/services/csv';

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
] as const;

export function resultsToCsv(rows: readonly ResultView[]): string {
  const lines = [csvLine(COLUMNS)];
  for (const row of rows) {
    const lastOverride = row.overrides.at(-1);
    lines.push(
      csvLine([
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
      ]),
    );
  }
  return lines.join('');
}
