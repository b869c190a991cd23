// Builds the exact FaceAuth POST /v3/faceauth response body: keys in the documented order,
// fail_code and rejected_comment index-aligned, create_time ISO-8601 UTC with milliseconds.
import { FAIL_COMMENTS } from '../../../src-shared/faceauth/codes';
import type { FaceAuthResult } from '../../../src-shared/faceauth/result';
import type { Decision } from '../decision/decide';

export function buildFaceAuthResult(
  decision: Decision,
  authenticationId: string,
  createdAt: Date,
): FaceAuthResult {
  const create_time = createdAt.toISOString();
  if (decision.approved) {
    return {
      authentication_id: authenticationId,
      auth_status: 'approved',
      create_time,
      score: decision.score,
    };
  }
  return {
    authentication_id: authenticationId,
    auth_status: 'rejected',
    create_time,
    score: decision.score,
    fail_code: [...decision.failCodes],
    rejected_comment: decision.failCodes.map((code) => FAIL_COMMENTS[code]),
  };
}
