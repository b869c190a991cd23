// Supervisor exports of results and of the audit log, as JSON lines or CSV. Rows are streamed
// to a temporary file and renamed into place, so a half-written export never looks complete.
// Biometric data (captured images, templates) is never exported.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { requireSession } from '../../operators/sessions';
import { recordResultsExport } from './biometric-access';
import type { FaceAuthResult } from '../../../src-shared/faceauth/result';
import type { StoreContext } from '../../database/context';
import { StoreError } from '../../database/errors';
import { iterateAuditRows } from '../../database/queries/audit';
import { iterateResults, type ResultRow } from '../../database/queries/results';
import { csvLine, type CsvCell } from '../csv';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportRequest {
  sessionToken: string;
  format: ExportFormat;
  /** Absolute path of the file to create. */
  path: string;
  /** Recorded-at range in ms, [from, to). */
  from?: number;
  to?: number;
}

const RESULT_COLUMNS = [
  'authentication_id',
  'submission_id',
  'auth_status',
  'create_time',
  'face_similarity_score',
  'occluded_score',
  'face_cover_score',
  'head_cover_score',
  'fail_code',
  'model_version',
  'policy_version',
  'station_id',
  'operator_id',
  'recorded_at',
  'synced_at',
  'central_verdict',
] as const;

const AUDIT_COLUMNS = ['seq', 'at', 'kind', 'actor', 'payload', 'prev_hash', 'hash'] as const;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function resultCsv(row: ResultRow): CsvCell[] {
  const result = JSON.parse(row.result_json) as FaceAuthResult;
  return [
    row.authentication_id,
    row.submission_id,
    row.auth_status,
    row.create_time,
    result.score.face_similarity_score,
    result.score.occluded_score ?? null,
    result.score.face_cover_score ?? null,
    result.score.head_cover_score ?? null,
    result.auth_status === 'rejected' ? result.fail_code.join('|') : '',
    row.model_version,
    row.policy_version,
    row.station_id,
    row.operator_id,
    iso(row.recorded_at),
    iso(row.synced_at),
    row.central_verdict_json,
  ];
}

function resultJsonl(row: ResultRow): string {
  return `${JSON.stringify({
    result: JSON.parse(row.result_json) as unknown,
    submission_id: row.submission_id,
    request_fields: JSON.parse(row.request_fields_json) as unknown,
    model_version: row.model_version,
    policy_version: row.policy_version,
    station_id: row.station_id,
    operator_id: row.operator_id,
    recorded_at: iso(row.recorded_at),
    synced_at: iso(row.synced_at),
    central_verdict:
      row.central_verdict_json === null ? null : (JSON.parse(row.central_verdict_json) as unknown),
  })}\n`;
}

function writeAtomically(path: string, lines: Iterable<string>): number {
  if (!isAbsolute(path)) throw new StoreError('invalid_input', 'export path must be absolute');
  const temp = `${path}.partial`;
  const fd = openSync(temp, 'wx', 0o600);
  let count = 0;
  try {
    for (const line of lines) {
      writeSync(fd, line);
      count += 1;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  return count;
}

export function exportResults(
  ctx: StoreContext,
  request: ExportRequest,
): { rows: number; path: string } {
  requireSession(ctx, request.sessionToken, 'supervisor');
  const rows = iterateResults(ctx.read, request.from ?? 0, request.to ?? Number.MAX_SAFE_INTEGER);
  function* lines(): Generator<string> {
    if (request.format === 'csv') yield csvLine(RESULT_COLUMNS);
    for (const row of rows)
      yield request.format === 'csv' ? csvLine(resultCsv(row)) : resultJsonl(row);
  }
  const written = writeAtomically(request.path, lines());
  const exported = request.format === 'csv' ? written - 1 : written;
  // Audited like a CSV export from the console (biometric-access.ts); in read-only safe mode,
  // where getting the data out matters most, nothing can be written, so nothing is.
  if (ctx.writable !== null) {
    const { format, path } = request;
    const filter = { format, path, from: request.from ?? null, to: request.to ?? null };
    recordResultsExport(ctx, request.sessionToken, exported, filter, 'results_file');
  }
  return { rows: exported, path: request.path };
}

export function exportAudit(
  ctx: StoreContext,
  request: ExportRequest,
): { rows: number; path: string } {
  requireSession(ctx, request.sessionToken, 'supervisor');
  function* lines(): Generator<string> {
    if (request.format === 'csv') yield csvLine(AUDIT_COLUMNS);
    for (const row of iterateAuditRows(ctx.read)) {
      yield request.format === 'csv'
        ? csvLine([
            row.seq,
            iso(row.at),
            row.kind,
            row.actor,
            row.payload_json,
            row.prev_hash,
            row.hash,
          ])
        : `${JSON.stringify({
            seq: row.seq,
            at: iso(row.at),
            kind: row.kind,
            actor: row.actor,
            payload: JSON.parse(row.payload_json) as unknown,
            prev_hash: row.prev_hash,
            hash: row.hash,
          })}\n`;
    }
  }
  const written = writeAtomically(request.path, lines());
  return { rows: request.format === 'csv' ? written - 1 : written, path: request.path };
}
