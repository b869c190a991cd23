// Which attribute checks a verification runs and how: the installed models' feature blocks
// (computed in the same worker task as the descriptor), else an external scorer; a policy that
// enables a check nobody can measure is a detection_server_error, never a silent pass.
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';
import type { FeatureBlock } from '../checks/check-features';
import { enabledChecks, type CheckScores } from '../decision/decide';
import type { CheckModelsLike, FaceEngineOptions } from '../engine-types';
import { describeError, EngineError } from '../errors/engine-error';
import type { FaceAnalysis } from '../pipeline/face-pipeline';

export interface CheckPlan {
  wanted: (keyof CheckScores)[];
  /** The models, when they score the wanted checks from the analysis's features. */
  models?: CheckModelsLike;
  /** The feature blocks the worker must compute for the models. */
  blocks?: FeatureBlock[];
  /** The external scorer, when no model is installed. */
  scorer?: (faceImage: Uint8Array) => Promise<CheckScores>;
}

export function planChecks(
  policy: ProjectPolicy,
  options: Pick<FaceEngineOptions, 'checkModels' | 'checkScorer'>,
): CheckPlan {
  const wanted = enabledChecks(policy);
  const models = wanted.length > 0 ? options.checkModels : undefined;
  let blocks: FeatureBlock[] | undefined;
  if (models !== undefined) {
    try {
      blocks = models.blocksFor(wanted);
    } catch (err) {
      throw new EngineError('detection_server_error', describeError(err));
    }
  }
  if (wanted.length > 0 && models === undefined && options.checkScorer === undefined) {
    throw new EngineError(
      'detection_server_error',
      `policy enables ${wanted.join(', ')} but no attribute-check model is installed`,
    );
  }
  const scorer = models === undefined ? options.checkScorer : undefined;
  return { wanted, models, blocks, scorer };
}

/** The external scorer's answer, started beside the analysis (empty when it is not used). */
export function externalScores(plan: CheckPlan, faceImage: Uint8Array): Promise<CheckScores> {
  return plan.wanted.length > 0 && plan.scorer !== undefined
    ? plan.scorer(faceImage)
    : Promise.resolve<CheckScores>({});
}

/** The checks' scores: the models' on the analysis's features, else the external scorer's. */
export function checkScores(
  plan: CheckPlan,
  analysis: FaceAnalysis,
  external: CheckScores,
): CheckScores {
  if (plan.models === undefined) return external;
  try {
    return plan.models.score(analysis.checkFeatures ?? {}, plan.wanted);
  } catch (err) {
    throw new EngineError('detection_server_error', `checks: ${describeError(err)}`);
  }
}
