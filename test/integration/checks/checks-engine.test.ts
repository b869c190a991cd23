// The shipped attribute-check models inside the real engine, on a few facedata photos (skipped,
// with the reason in the test name, when ../shared/facedata is absent). The photos are among the
// training images, so this checks the wiring and the shipped weights, not generalisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFaceAuthError, type FaceAuthOutcome } from '../../../src-shared/faceauth/result';
import { shippedCheckModels } from '../../../src-main/engine/checks/check-model';
import {
  createFaceEngine,
  DEFAULT_POLICY,
  type FaceEngine,
  type FaceTemplate,
} from '../../../src-main/engine';
import { HAS_FACEDATA, photo, silentLogger, SKIP_NOTE } from '../engine/facedata-guard';

const ALL_CHECKS = {
  ...DEFAULT_POLICY,
  faceSimilarity_threshold: 0,
  occluded_threshold: true,
  faceCover_threshold: 50,
  headCover_threshold: 50,
};

function scores(outcome: FaceAuthOutcome) {
  if (isFaceAuthError(outcome)) throw new Error(`error ${outcome.errorCode}`);
  return outcome;
}

describe.skipIf(!HAS_FACEDATA)(`attribute checks in the engine${SKIP_NOTE}`, () => {
  let engine: FaceEngine;
  let template: FaceTemplate;

  beforeAll(async () => {
    engine = await createFaceEngine({
      workers: 1,
      logger: silentLogger,
      checkModels: shippedCheckModels(),
      loadSsd: true,
    });
    const enrolled = await engine.enroll(photo('masks/without_mask/numeric_211.jpg'));
    if (!enrolled.ok) throw new Error(`reference did not enrol: ${enrolled.error.errorCode}`);
    template = enrolled.template;
  });
  afterAll(async () => {
    await engine?.close();
  });

  const verify = (file: string, policy = ALL_CHECKS) =>
    engine.verify({ faceImage: photo(file), templates: [template], policy });

  it('a policy without checks gets no check scores (none computed)', async () => {
    const r = scores(await verify('masks/without_mask/numeric_211.jpg', DEFAULT_POLICY));
    expect(Object.keys(r.score)).toEqual(['face_similarity_score']);
  });

  it('the similarity score is the same with the checks on (descriptor from the trunk pass)', async () => {
    const file = 'occlusion/eyeglasses_clear/celeba_001598.jpg';
    const plain = scores(await verify(file, DEFAULT_POLICY));
    const checked = scores(await verify(file));
    expect(checked.score.face_similarity_score).toBe(plain.score.face_similarity_score);
    expect(checked.score.occluded_score).toBeDefined();
  });

  it.each([
    ['masks/with_mask/other_Screenshot_260_.png', 'face_cover_score', 'high'],
    ['masks/without_mask/numeric_211.jpg', 'face_cover_score', 'low'],
    ['head_cover/hard_hat/hh_003421.jpg', 'head_cover_score', 'high'],
    ['head_cover/none/celeba_019466.jpg', 'head_cover_score', 'low'],
    ['occlusion/sunglasses/celeba_006669.jpg', 'occluded_score', 'high'],
    ['occlusion/eyeglasses_clear/celeba_001598.jpg', 'occluded_score', 'low'],
  ] as const)('%s: %s is %s', async (file, key, side) => {
    const r = scores(await verify(file));
    const value = r.score[key];
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    if (side === 'high') expect(value).toBeGreaterThanOrEqual(50);
    else expect(value).toBeLessThan(50);
  });

  it('fail codes follow the scores: a bare face fails both cover checks, passes occlusion', async () => {
    const r = scores(await verify('masks/without_mask/numeric_211.jpg'));
    expect(r.auth_status).toBe('rejected');
    if (r.auth_status === 'rejected') {
      expect(r.fail_code).toEqual(['Face_cover_fail', 'Head_cover_fail']);
    }
  });
});
