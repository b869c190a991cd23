// How the simulator decides a FaceAuth request. Tests use the simple rule (deterministic from
// the image bytes, no models needed); demo mode plugs in the station's own engine.
import { createHash, randomUUID } from 'node:crypto';
import { FAIL_COMMENTS } from '../../src-shared/faceauth/codes';
import type { FaceAuthError, FaceAuthResult } from '../../src-shared/faceauth/result';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { SimSubmission } from './model';

export type Verdict = (input: {
  submission: SimSubmission;
  faceImage: Uint8Array;
  policy: ProjectPolicy;
  now: Date;
}) => Promise<FaceAuthResult | FaceAuthError>;

/** Similarity from a hash of the image: the same bytes always get the same verdict. */
export const simpleRuleVerdict: Verdict = async ({ faceImage, policy, now }) => {
  const digest = createHash('sha256').update(faceImage).digest();
  const score = Math.round((digest.readUInt16BE(0) / 65_535) * 1000) / 10;
  const base = {
    authentication_id: randomUUID(),
    create_time: now.toISOString(),
    score: { face_similarity_score: score },
  };
  return score >= policy.faceSimilarity_threshold
    ? { ...base, auth_status: 'approved' }
    : {
        ...base,
        auth_status: 'rejected',
        fail_code: ['face_compare_underscore'],
        rejected_comment: [FAIL_COMMENTS.face_compare_underscore],
      };
};
