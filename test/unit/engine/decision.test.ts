import { describe, expect, it } from 'vitest';
import { FAIL_COMMENTS, FAIL_CODES } from '../../../src-shared/faceauth/codes';
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';
import {
  FaceAuthApprovedSchema,
  FaceAuthRejectedSchema,
  FaceAuthResultSchema,
} from '../../../src-shared/faceauth/result';
import { decide, enabledChecks, MissingCheckError } from '../../../src-main/engine/decision/decide';
import { DEFAULT_POLICY } from '../../../src-main/engine/decision/default-policy';
import { buildFaceAuthResult } from '../../../src-main/engine/result/build-result';

const base: ProjectPolicy = {
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 0,
  headCover_threshold: 0,
  liveness_threshold: 0,
};
const allChecks: ProjectPolicy = {
  ...base,
  occluded_threshold: true,
  faceCover_threshold: 60,
  headCover_threshold: 70,
};
const NOW = new Date(Date.UTC(2023, 7, 8, 7, 4, 48, 633));

describe('policy decision table', () => {
  it.each([
    { similarity: 84.99, approved: false },
    { similarity: 85, approved: true }, // a score equal to the threshold passes
    { similarity: 85.01, approved: true },
    { similarity: 0, approved: false },
    { similarity: 100, approved: true },
  ])('threshold 85, similarity $similarity → approved=$approved', ({ similarity, approved }) => {
    const d = decide(similarity, {}, base);
    expect(d.approved).toBe(approved);
    expect(d.failCodes).toEqual(approved ? [] : ['face_compare_underscore']);
    expect(d.score).toEqual({ face_similarity_score: similarity });
  });

  it.each([
    { threshold: 0, similarity: 0, approved: true },
    { threshold: 100, similarity: 99.99, approved: false },
    { threshold: 100, similarity: 100, approved: true },
    { threshold: 70, similarity: 70, approved: true },
  ])('threshold $threshold edge, similarity $similarity', ({ threshold, similarity, approved }) => {
    expect(decide(similarity, {}, { ...base, faceSimilarity_threshold: threshold }).approved).toBe(
      approved,
    );
  });

  const passing = { occluded_score: 10, face_cover_score: 90, head_cover_score: 90 };
  it.each([
    { checks: { ...passing, occluded_score: 50 }, code: 'Face_Occluded_fail' },
    { checks: { ...passing, occluded_score: 49.99 }, code: undefined },
    { checks: { ...passing, face_cover_score: 59.99 }, code: 'Face_cover_fail' },
    { checks: { ...passing, face_cover_score: 60 }, code: undefined },
    { checks: { ...passing, head_cover_score: 69.99 }, code: 'Head_cover_fail' },
    { checks: { ...passing, head_cover_score: 70 }, code: undefined },
  ])('attribute check $checks → $code', ({ checks, code }) => {
    const d = decide(99, checks, allChecks);
    expect(d.failCodes).toEqual(code === undefined ? [] : [code]);
    expect(d.score).toEqual({ face_similarity_score: 99, ...checks });
  });

  it('reports several fail codes at once, in the documented order, comments index-aligned', () => {
    const d = decide(
      40,
      { occluded_score: 90, face_cover_score: 0, head_cover_score: 0 },
      allChecks,
    );
    expect(d.failCodes).toEqual([
      'face_compare_underscore',
      'Face_Occluded_fail',
      'Face_cover_fail',
      'Head_cover_fail',
    ]);
    const result = buildFaceAuthResult(d, 'id-1', NOW);
    const rejected = FaceAuthRejectedSchema.parse(result);
    expect(rejected.rejected_comment).toEqual(rejected.fail_code.map((c) => FAIL_COMMENTS[c]));
  });

  it('has the exact comment for each fail code', () => {
    expect(FAIL_CODES).toHaveLength(4);
    expect(FAIL_COMMENTS).toEqual({
      face_compare_underscore: 'Face compare similarity score is lower than the threshold',
      Face_Occluded_fail: 'Face is occluded',
      Face_cover_fail: 'Protection equipment is not found on Face',
      Head_cover_fail: 'Protection equipment is not found on Head',
    });
  });

  it('shows only the scores of enabled checks, and ignores measured but disabled ones', () => {
    const d = decide(90, { occluded_score: 99, face_cover_score: 0 }, base);
    expect(d).toEqual({ approved: true, score: { face_similarity_score: 90 }, failCodes: [] });
    expect(enabledChecks(base)).toEqual([]);
    expect(enabledChecks(allChecks)).toEqual([
      'occluded_score',
      'face_cover_score',
      'head_cover_score',
    ]);
  });

  it('refuses to decide when an enabled check was not measured', () => {
    expect(() => decide(90, {}, { ...base, headCover_threshold: 10 })).toThrow(MissingCheckError);
  });

  it('ships the documented default policy (threshold 85, checks off)', () => {
    expect(DEFAULT_POLICY).toEqual(base);
  });
});

describe('FaceAuth result JSON', () => {
  it('approved: exact keys in documented order, ISO UTC milliseconds', () => {
    const result = buildFaceAuthResult(decide(99.5, {}, base), 'abc', NOW);
    expect(JSON.stringify(result)).toBe(
      '{"authentication_id":"abc","auth_status":"approved","create_time":"2023-08-08T07:04:48.633Z","score":{"face_similarity_score":99.5}}',
    );
    FaceAuthApprovedSchema.strict().parse(result);
  });

  it('rejected: adds fail_code and rejected_comment after score', () => {
    const result = buildFaceAuthResult(decide(12.3, {}, base), 'abc', NOW);
    expect(Object.keys(result)).toEqual([
      'authentication_id',
      'auth_status',
      'create_time',
      'score',
      'fail_code',
      'rejected_comment',
    ]);
    expect(FaceAuthResultSchema.parse(result).auth_status).toBe('rejected');
  });
});
