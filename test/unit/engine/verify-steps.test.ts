// The main-thread steps of a verification (engine/service/): the request is checked in ARGOS's
// order and every refusal carries its FaceAuth code; the checks' plan asks the worker for exactly
// the shipped models' blocks, or refuses a policy nobody can measure. The whole verification
// through a real worker pool is test/integration/engine/engine.test.ts and checks-engine.test.ts.
import { describe, expect, it } from 'vitest';
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';
import { shippedCheckModels } from '../../../src-main/engine/checks/check-model';
import { DEFAULT_POLICY } from '../../../src-main/engine/decision/default-policy';
import type { CheckModelsLike, VerifyRequest } from '../../../src-main/engine/engine-types';
import { EngineError } from '../../../src-main/engine/errors/engine-error';
import type { FaceAnalysis } from '../../../src-main/engine/pipeline/face-pipeline';
import { checkScores, planChecks } from '../../../src-main/engine/service/check-plan';
import { checkVerifyRequest } from '../../../src-main/engine/service/verify-request';
import { makeTemplate } from '../../../src-main/engine/template/face-template';

const FACE = new Uint8Array([0xff, 0xd8, 0xff]);
const TEMPLATE = makeTemplate(new Array<number>(128).fill(0.1));
const COVER_POLICY: ProjectPolicy = { ...DEFAULT_POLICY, faceCover_threshold: 50 };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof EngineError) return err.code;
    throw err;
  }
  return 'no error';
}

function request(overrides: Partial<VerifyRequest>): VerifyRequest {
  return { faceImage: FACE, templates: [TEMPLATE], policy: DEFAULT_POLICY, ...overrides };
}

describe('checkVerifyRequest', () => {
  it('answers the parsed policy and one descriptor per template', () => {
    const checked = checkVerifyRequest(request({ templates: [TEMPLATE, TEMPLATE] }));
    expect(checked.policy).toEqual(DEFAULT_POLICY);
    expect(checked.references).toHaveLength(2);
    expect(checked.references[0]).toHaveLength(128);
  });

  it('checks required fields first, then the policy, then the templates (ARGOS order)', () => {
    const badPolicy = { ...DEFAULT_POLICY, faceSimilarity_threshold: 400 };
    expect(
      codeOf(() => checkVerifyRequest(request({ faceImage: undefined, policy: badPolicy }))),
    ).toBe('required_field_missing');
    expect(codeOf(() => checkVerifyRequest(request({ policy: badPolicy, templates: [] })))).toBe(
      'invalid_data_format',
    );
    expect(codeOf(() => checkVerifyRequest(request({ templates: [] })))).toBe(
      'required_field_missing',
    );
  });

  it('refuses a malformed template and one of another model', () => {
    const short = { ...TEMPLATE, descriptor: [0.1, 0.2] };
    const otherModel = { ...TEMPLATE, model: 'some-other-model' };
    expect(codeOf(() => checkVerifyRequest(request({ templates: [short] })))).toBe(
      'data_processing_error',
    );
    expect(() => checkVerifyRequest(request({ templates: [otherModel] }))).toThrow(/re-enroll/);
  });
});

describe('planChecks and checkScores', () => {
  it('a policy without checks asks for no block and no scorer', () => {
    const plan = planChecks(DEFAULT_POLICY, { checkModels: shippedCheckModels() });
    expect(plan).toEqual({ wanted: [], models: undefined, blocks: undefined, scorer: undefined });
  });

  it('asks the worker for the shipped face-cover model blocks and scores from them', () => {
    const models = shippedCheckModels();
    const plan = planChecks(COVER_POLICY, { checkModels: models });
    expect(plan.wanted).toEqual(['face_cover_score']);
    expect(plan.blocks).toEqual(models.blocksFor(['face_cover_score']));
    expect(plan.blocks?.length).toBeGreaterThan(0);
    // Without the features the model needs, scoring is a detection_server_error, not a pass.
    const analysis = { checkFeatures: {} } as FaceAnalysis;
    expect(codeOf(() => checkScores(plan, analysis, {}))).toBe('detection_server_error');
  });

  it('refuses a policy that enables a check when no model and no scorer is installed', () => {
    expect(codeOf(() => planChecks(COVER_POLICY, {}))).toBe('detection_server_error');
    const broken: CheckModelsLike = {
      blocksFor: () => {
        throw new Error('no model installed for face_cover_score');
      },
      score: () => ({}),
    };
    expect(codeOf(() => planChecks(COVER_POLICY, { checkModels: broken }))).toBe(
      'detection_server_error',
    );
  });

  it('falls back to the external scorer only when no model is installed', () => {
    const scorer = (): Promise<{ face_cover_score: number }> =>
      Promise.resolve({ face_cover_score: 10 });
    expect(planChecks(COVER_POLICY, { checkScorer: scorer }).scorer).toBe(scorer);
    const both = planChecks(COVER_POLICY, {
      checkScorer: scorer,
      checkModels: shippedCheckModels(),
    });
    expect(both.scorer).toBeUndefined();
    expect(
      checkScores({ wanted: ['face_cover_score'] }, {} as FaceAnalysis, { face_cover_score: 7 }),
    ).toEqual({
      face_cover_score: 7,
    });
  });
});
