// POST /v3/faceauth (multipart), GET /v3/faceauth (listing for reconciliation), GET the stored
// image, DELETE a record's personal data. FaceAuth key.
import { sniffImageFormat } from '../../../src-shared/image-format';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';
import { isFaceAuthError } from '../../../src-shared/faceauth/result';
import type { SimFaceAuthRecord } from '../model';
import type { SimulatorState } from '../state';
import type { Verdict } from '../verdict';
import { argosError, dayOf, isIsoDate, ok, type SimResponse } from '../http-io';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_LIST_COUNT = 2000;

export interface FaceAuthPost {
  submissionId: string;
  faceImage: Uint8Array;
  userId: string | null;
  cf1: string | null;
  cf2: string | null;
  cf3: string | null;
}

/** Parses the multipart form with the platform's own parser; a typed error when it is unusable. */
export async function parseFaceAuthPost(req: IncomingMessage): Promise<FaceAuthPost | SimResponse> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES)
    return argosError(413, 'image_processing_error');
  if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data'))
    return argosError(400, 'invalid_data_format');
  let form: FormData;
  try {
    const request = new Request('http://simulator/v3/faceauth', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Readable.toWeb(req) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    form = await request.formData();
  } catch {
    return argosError(400, 'invalid_data_format');
  }
  const submissionId = form.get('submissionId');
  const faceImage = form.get('faceImage');
  if (typeof submissionId !== 'string' || submissionId === '' || !(faceImage instanceof Blob)) {
    return argosError(400, 'required_field_missing');
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : null;
  };
  return {
    submissionId,
    faceImage: new Uint8Array(await faceImage.arrayBuffer()),
    userId: text('userId'),
    cf1: text('cf1'),
    cf2: text('cf2'),
    cf3: text('cf3'),
  };
}

function looksLikeImage(bytes: Uint8Array): boolean {
  return sniffImageFormat(bytes) !== null;
}

export async function postFaceAuth(
  post: FaceAuthPost,
  state: SimulatorState,
  verdict: Verdict,
  policy: ProjectPolicy,
  now: Date,
): Promise<SimResponse> {
  const submission = state.submissions.get(post.submissionId);
  if (!submission) return argosError(400, 'Invalid_submissionId');
  if (submission.status !== 'approved') return argosError(400, 'invalid_submission_status');
  if (!looksLikeImage(post.faceImage)) return argosError(400, 'image_converting_error');
  const outcome = await verdict({ submission, faceImage: post.faceImage, policy, now });
  if (isFaceAuthError(outcome))
    return { status: outcome.errorCode === 'detection_server_error' ? 502 : 400, body: outcome };
  state.addRecord({ ...post, result: outcome, image: post.faceImage, deleted: false });
  return ok(outcome);
}

/** Listing items use the names ARGOS documents for GET, which differ from the POST response. */
export function toListItem(record: SimFaceAuthRecord, policy: ProjectPolicy, echo = true) {
  const { result } = record;
  return {
    policy,
    auth_id: result.authentication_id,
    auth_status: result.auth_status,
    create_time: result.create_time,
    kyc_submission_id: record.submissionId,
    delete_check: record.deleted,
    result: {
      face_similarity: result.score.face_similarity_score,
      ...(result.score.occluded_score === undefined
        ? {}
        : { detectOccluded: result.score.occluded_score }),
      ...(result.score.face_cover_score === undefined
        ? {}
        : { face_cover: result.score.face_cover_score }),
      ...(result.score.head_cover_score === undefined
        ? {}
        : { head_cover: result.score.head_cover_score }),
    },
    reject_comment: result.auth_status === 'rejected' ? result.rejected_comment : [],
    // ASSUMED: items echo the custom fields (the docs say only that webhooks do).
    ...(echo ? { userId: record.userId, cf1: record.cf1, cf2: record.cf2, cf3: record.cf3 } : {}),
  };
}

export function listFaceAuth(
  query: URLSearchParams,
  state: SimulatorState,
  policy: ProjectPolicy,
  echo = true,
): SimResponse {
  const authId = query.get('authId');
  if (authId !== null) {
    const record = state.recordsById.get(authId);
    return ok({ items: record ? [toListItem(record, policy, echo)] : [] });
  }
  const start = query.get('startDate');
  const end = query.get('endDate');
  if (!isIsoDate(start) || !isIsoDate(end)) return argosError(400, 'required_field_missing');
  const count = Number(query.get('count') ?? MAX_LIST_COUNT);
  if (!Number.isInteger(count) || count < 1 || count > MAX_LIST_COUNT)
    return argosError(400, 'invalid_data_format');
  const afterId = query.get('nextKey_id');
  const afterDate = query.get('nextKey_date');
  const matching = state.records
    .filter((r) => dayOf(r.result.create_time) >= start && dayOf(r.result.create_time) <= end)
    .sort(
      (a, b) =>
        a.result.create_time.localeCompare(b.result.create_time) ||
        a.result.authentication_id.localeCompare(b.result.authentication_id),
    )
    .filter(
      (r) =>
        afterId === null ||
        afterDate === null ||
        r.result.create_time > afterDate ||
        (r.result.create_time === afterDate && r.result.authentication_id > afterId),
    );
  const page = matching.slice(0, count);
  const last = page.at(-1);
  return ok({
    items: page.map((record) => toListItem(record, policy, echo)),
    ...(matching.length > count && last
      ? {
          nextPage_key: {
            authId: last.result.authentication_id,
            createTime: last.result.create_time,
          },
        }
      : {}),
  });
}

export function getFaceAuthImage(query: URLSearchParams, state: SimulatorState): SimResponse {
  const record = state.recordsById.get(query.get('authId') ?? '');
  if (!record || record.deleted) return argosError(400, 'data_processing_error');
  return ok({ image: Buffer.from(record.image).toString('base64') });
}

export function deleteFaceAuth(query: URLSearchParams, state: SimulatorState): SimResponse {
  const record = state.recordsById.get(query.get('authId') ?? '');
  if (!record) return argosError(400, 'data_processing_error');
  record.deleted = true;
  record.image = new Uint8Array(0);
  record.userId = null;
  return ok({ authId: record.result.authentication_id, delete_check: true });
}
