// Small, deterministic FaceAuth results for store tests.
import type { FaceAuthResult } from '../../../src-shared/faceauth/result';

export function approvedResult(id: string, score = 97.5): FaceAuthResult {
  return {
    authentication_id: id,
    auth_status: 'approved',
    create_time: '2026-01-01T08:00:00.000Z',
    score: { face_similarity_score: score },
  };
}

export function rejectedResult(id: string): FaceAuthResult {
  return {
    authentication_id: id,
    auth_status: 'rejected',
    create_time: '2026-01-01T08:00:00.000Z',
    score: { face_similarity_score: 41.2 },
    fail_code: ['face_compare_underscore'],
    rejected_comment: ['Face compare similarity score is lower than the threshold'],
  };
}
