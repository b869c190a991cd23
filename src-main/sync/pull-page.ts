// One listed page of submissions turned into store changes: new or changed approved submissions
// get their selfie downloaded and enrolled; any other status removes the submission from use
// (the store purges its templates in the same write); unchanged items only get their sweep mark.
import type { SubmissionInput } from '../store/services/submissions';
import type { PulledPage, SubmissionMark } from '../store/services/sync-pull';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { ApiResult } from './argos-client';
import type { SubmissionItem } from './argos-schemas';
import type { Enroller } from './enroller';
import { emptyCounts, type PullCounts } from './pull-progress';
import { mapLimited } from '../../src-shared/map-limited';
import type { SyncContext } from './sync-context';

const APPROVED = 'approved';
const DOWNLOAD_TRIES = 3;

export class PageAborted extends Error {
  constructor(readonly outcome: Exclude<ApiResult<never>, { kind: 'ok' }>) {
    super(`selfie download failed: ${outcome.message}`);
  }
}

function needsEnrollment(
  item: SubmissionItem,
  mark: SubmissionMark | undefined,
  model: string,
): boolean {
  if (mark === undefined || mark.cachedStatus !== APPROVED) return true;
  const kycAt = item.kyc_result_at ?? null;
  // The submission changed centrally (re-submitted, updated): its selfie may have changed.
  if (mark.kycResultAt !== kycAt) return true;
  // A selfie that could not be enrolled is not retried until the submission changes.
  if (mark.enrollError !== null) return false;
  return !mark.hasTemplates || mark.templateModelVersion !== model;
}

async function downloadWithRetry(
  ctx: SyncContext,
  submissionId: string,
): Promise<ApiResult<Uint8Array>> {
  let outcome = await ctx.client.downloadSelfie(submissionId);
  for (let attempt = 1; attempt < DOWNLOAD_TRIES && outcome.kind === 'unknown'; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    outcome = await ctx.client.downloadSelfie(submissionId);
  }
  return outcome;
}

export async function buildPulledPage(
  ctx: SyncContext,
  items: readonly SubmissionItem[],
  enroller: Enroller,
  policy: ProjectPolicy,
): Promise<{ page: Omit<PulledPage, 'sweepId' | 'cursor'>; counts: PullCounts }> {
  // Counted apart and added by the caller only once the page is committed.
  const counts = emptyCounts();
  const marks = await ctx.store.send('sync:submissionMarks', {
    submissionIds: items.map((i) => i.submission_id),
  });
  const markOf = new Map(marks.map((m) => [m.submissionId, m]));
  const upserts: SubmissionInput[] = [];
  const statusChanges: PulledPage['statusChanges'] = [];
  const pageMarks: PulledPage['marks'] = [];
  const unchanged: string[] = [];
  const toEnroll: SubmissionItem[] = [];
  for (const item of items) {
    counts.listed += 1;
    const mark = markOf.get(item.submission_id);
    const status = item.kyc.result;
    if (status === APPROVED) {
      if (needsEnrollment(item, mark, enroller.modelVersion)) toEnroll.push(item);
      else unchanged.push(item.submission_id);
      continue;
    }
    const kycResultAt = item.kyc_result_at ?? null;
    if (mark?.cachedStatus === status) {
      unchanged.push(item.submission_id);
    } else if (mark?.cachedStatus != null) {
      // Revoked, rejected, deleted …: out of use at once (templates purged in the same write).
      statusChanges.push({ submissionId: item.submission_id, status });
      pageMarks.push({ submissionId: item.submission_id, kycResultAt, enrollError: null });
      counts.removed += 1;
    } else {
      // Known but not verifiable: the station answers invalid_submission_status, as ARGOS does.
      upserts.push({ submissionId: item.submission_id, status, policy, templates: null });
      pageMarks.push({ submissionId: item.submission_id, kycResultAt, enrollError: null });
    }
  }
  counts.unchanged += unchanged.length;

  const enrolled = await mapLimited(toEnroll, enroller.concurrency, async (item) => {
    const selfie = await downloadWithRetry(ctx, item.submission_id);
    if (selfie.kind === 'unknown') throw new PageAborted(selfie);
    if (selfie.kind === 'refused') {
      if (selfie.status === 429 || selfie.status === 401 || selfie.status === 403)
        throw new PageAborted(selfie);
      return { item, templates: null, error: `no selfie (${selfie.errorCode ?? selfie.status})` };
    }
    const outcome = await enroller.enroll(selfie.value);
    if (!outcome.ok)
      return { item, templates: null, thumbnail: null, error: outcome.error.errorCode };
    // A thumbnail that cannot be made never costs the enrollment.
    const thumbnail = (await enroller.thumbnail?.(selfie.value).catch(() => null)) ?? null;
    return { item, templates: enroller.encode([outcome.template]), thumbnail, error: null };
  });
  for (const { item, templates, thumbnail, error } of enrolled) {
    upserts.push({
      submissionId: item.submission_id,
      status: APPROVED,
      policy,
      templates,
      thumbnail,
    });
    pageMarks.push({
      submissionId: item.submission_id,
      kycResultAt: item.kyc_result_at ?? null,
      enrollError: error,
    });
    if (error === null) counts.enrolled += 1;
    else counts.enrollFailed += 1;
  }
  return { page: { upserts, statusChanges, marks: pageMarks, unchanged }, counts };
}
