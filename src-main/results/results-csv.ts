// CSV export of the filtered history rows, for supervisors. Cells that a spreadsheet would run
// as a formula are prefixed with a quote (CSV injection).
import type { ResultView } from '../../src-shared/contract/results';

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

function cell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsToCsv(rows: readonly ResultView[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const lastOverride = row.overrides.at(-1);
    lines.push(
      [
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
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
