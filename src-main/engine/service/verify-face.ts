// One verification: check the request, analyse the face in a worker (with the attribute checks'
// features), score the checks, take the closest reference distance, decide under the policy and
// answer FaceAuth JSON plus the details behind it. Every failure becomes a FaceAuth answer except
// busy and closed (face-auth-outcome.ts).
import type { FaceAuthOutcome } from '../../../src-shared/faceauth/result';
import { distanceToScore } from '../calibration/score-calibration';
import { decide } from '../decision/decide';
import type { FaceEngineOptions, VerifyDetails, VerifyRequest } from '../engine-types';
import { describeError } from '../errors/engine-error';
import { closestDistance } from '../match/descriptor-distance';
import { buildFaceAuthResult } from '../result/build-result';
import type { UuidV7Generator } from '../result/uuid-v7';
import { checkScores, externalScores, planChecks } from './check-plan';
import { asOutcome } from './face-auth-outcome';
import type { PoolTasks } from './pool-tasks';
import { checkVerifyRequest } from './verify-request';

export type VerifyDetailed = (
  request: VerifyRequest,
) => Promise<{ outcome: FaceAuthOutcome; details: VerifyDetails }>;

export function createVerifyDetailed(
  tasks: Pick<PoolTasks, 'analyze'>,
  options: Pick<FaceEngineOptions, 'checkModels' | 'checkScorer'>,
  ids: UuidV7Generator,
): VerifyDetailed {
  return async (request) => {
    const details: VerifyDetails = {};
    try {
      const { faceImage, policy, references } = checkVerifyRequest(request);
      const plan = planChecks(policy, options);
      const [analysis, external] = await Promise.all([
        tasks.analyze(faceImage, plan.blocks),
        externalScores(plan, faceImage),
      ]);
      const checks = checkScores(plan, analysis, external);
      const distance = closestDistance(analysis.descriptor, references);
      Object.assign(details, {
        distance,
        detectionStage: analysis.detectionStage,
        competingFaces: analysis.competingFaces,
        stages: analysis.stages,
      });
      const decision = decide(distanceToScore(distance), checks, policy);
      return { outcome: buildFaceAuthResult(decision, ids.next(), new Date()), details };
    } catch (err) {
      details.errorDetail = describeError(err);
      return { outcome: asOutcome(err), details };
    }
  };
}
