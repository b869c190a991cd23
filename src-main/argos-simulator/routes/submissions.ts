// GET /v3/submission and GET /v3/image (ID Check key). Listing by date window with paging by
// nextpage_id/nextpage_date (FOUND); the response envelope `{items, nextpage}` is ASSUMED.
import type { SimSubmission } from '../model';
import type { SimulatorState } from '../state';
import { argosError, dayOf, isIsoDate, ok, type SimResponse } from '../http-io';

const DEFAULT_COUNT = 50;
const MAX_COUNT = 2000;

export function toSubmissionItem(submission: SimSubmission) {
  return {
    submission_id: submission.submission_id,
    created_at: submission.created_at,
    kyc_result_at: submission.kyc_result_at,
    email: submission.email,
    userid: submission.userid,
    kyc: { result: submission.status, comment: [] as string[], commentCode: [] as string[] },
    ...(submission.demo ? { demo: true } : {}),
  };
}

export function getSubmissions(query: URLSearchParams, state: SimulatorState): SimResponse {
  const byId = query.get('submission_id');
  if (byId !== null) {
    const submission = state.submissions.get(byId);
    return submission
      ? ok({ items: [toSubmissionItem(submission)] })
      : argosError(400, 'Invalid_submissionId');
  }
  const userid = query.get('userid');
  const email = query.get('email');
  if (userid !== null || email !== null) {
    const matches = state
      .sortedSubmissions()
      .filter((s) => (userid !== null ? s.userid === userid : s.email === email));
    return ok({ items: matches.map(toSubmissionItem) });
  }
  const start = query.get('start_date');
  const end = query.get('end_date');
  if (!isIsoDate(start) || !isIsoDate(end)) return argosError(400, 'required_field_missing');
  const count = Number(query.get('count') ?? DEFAULT_COUNT);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    return argosError(400, 'invalid_data_format');
  const afterId = query.get('nextpage_id');
  const afterDate = query.get('nextpage_date');
  const inWindow = state
    .sortedSubmissions()
    .filter((s) => dayOf(s.created_at) >= start && dayOf(s.created_at) <= end)
    .filter(
      (s) =>
        afterId === null ||
        afterDate === null ||
        s.created_at > afterDate ||
        (s.created_at === afterDate && s.submission_id > afterId),
    );
  const page = inWindow.slice(0, count);
  const last = page.at(-1);
  return ok({
    items: page.map(toSubmissionItem),
    ...(inWindow.length > count && last
      ? { nextpage: { nextpage_id: last.submission_id, nextpage_date: last.created_at } }
      : {}),
  });
}

export function getSubmissionImage(query: URLSearchParams, state: SimulatorState): SimResponse {
  const id = query.get('submission_id');
  if (id === null || query.get('type') === null) return argosError(400, 'required_field_missing');
  const submission = state.submissions.get(id);
  if (!submission) return argosError(400, 'Invalid_submissionId');
  if (query.get('type') !== 'selfieImage' || submission.selfie === null)
    return argosError(404, 'data_processing_error');
  return { status: 200, body: null, bytes: submission.selfie, contentType: 'image/jpeg' };
}
