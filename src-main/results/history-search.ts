// History's search, shared by the list and the CSV: results and error attempts under one filter.
// From/To are the operator's calendar days in the station's local time (the desk shows local
// time everywhere), not UTC days.
import type { ErrorAttemptView, ResultFilter, ResultView } from '../../src-shared/contract/results';
import type { FaceAuthErrorCode } from '../../src-shared/faceauth/codes';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import type { ErrorAttemptRecord } from '../database/queries/error-attempts';
import { toResultView } from './result-view';

export type HistoryFilter = Required<Pick<ResultFilter, 'limit'>> & ResultFilter;

export interface HistoryRows {
  rows: ResultView[];
  errors: ErrorAttemptView[];
}

/** Midnight starting the given yyyy-mm-dd in local time, as epoch ms. */
export function localDayStart(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).getTime();
}

/** Midnight ending the given yyyy-mm-dd in local time (23- and 25-hour days included). */
export function localDayEnd(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).getTime();
}

function toErrorView(record: ErrorAttemptRecord): ErrorAttemptView {
  return {
    attemptId: record.attemptId,
    submissionId: record.submissionId,
    errorCode: record.errorCode as FaceAuthErrorCode,
    recordedAt: new Date(record.recordedAt).toISOString(),
    operatorId: record.operatorId,
    operatorName: record.operatorName,
  };
}

export async function searchHistory(
  store: StoreClient,
  filter: HistoryFilter,
): Promise<HistoryRows> {
  const common = {
    submissionId: filter.submissionId || null,
    operatorId: filter.operatorId || null,
    operatorName: filter.operator || null,
    from: filter.from ? localDayStart(filter.from) : 0,
    to: filter.to ? localDayEnd(filter.to) : Number.MAX_SAFE_INTEGER,
    limit: filter.limit,
  };
  const wantsResults = filter.status !== 'error';
  const wantsErrors = filter.status === undefined || filter.status === 'error';
  const [rows, errors] = await Promise.all([
    wantsResults
      ? callStore(store, 'results:search', {
          ...common,
          status:
            filter.status === 'approved' || filter.status === 'rejected' ? filter.status : null,
        })
      : [],
    wantsErrors ? callStore(store, 'results:searchErrors', common) : [],
  ]);
  return { rows: rows.map(toResultView), errors: errors.map(toErrorView) };
}
