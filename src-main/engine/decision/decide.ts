// The FaceAuth decision as project policy dictates (../shared/argos-faceauth.md, "Project policy"):
// a table of checks, each enabled by the policy, each with its fail code. A score equal to the
// threshold passes (ASSUMED, the docs do not say). Fail codes come in the order of ARGOS's table.
import type { FaceAuthScore } from '../../../src-shared/faceauth/result';
import type { FailCode } from '../../../src-shared/faceauth/codes';
import { OCCLUDED_CUT, type ProjectPolicy } from '../../../src-shared/faceauth/policy';

/** Scores of the attribute checks, 0-100, when the engine measured them. */
export interface CheckScores {
  occluded_score?: number;
  face_cover_score?: number;
  head_cover_score?: number;
}

/** The station's cut on occluded_score (src-shared/faceauth/policy.ts says why 50). */
export const DEFAULT_OCCLUDED_CUT = OCCLUDED_CUT;

export interface Decision {
  approved: boolean;
  score: FaceAuthScore;
  failCodes: FailCode[];
}

interface CheckRule {
  code: FailCode;
  scoreKey: keyof CheckScores;
  enabled: (p: ProjectPolicy) => boolean;
  fails: (score: number, p: ProjectPolicy, occludedCut: number) => boolean;
}

/** occluded: fails when confidence of occlusion reaches the cut. Cover checks: a threshold of 0
 *  is off; otherwise they fail when the confidence that equipment is present is below it. */
const CHECK_RULES: readonly CheckRule[] = [
  {
    code: 'Face_Occluded_fail',
    scoreKey: 'occluded_score',
    enabled: (p) => p.occluded_threshold,
    fails: (s, _p, cut) => s >= cut,
  },
  {
    code: 'Face_cover_fail',
    scoreKey: 'face_cover_score',
    enabled: (p) => p.faceCover_threshold > 0,
    fails: (s, p) => s < p.faceCover_threshold,
  },
  {
    code: 'Head_cover_fail',
    scoreKey: 'head_cover_score',
    enabled: (p) => p.headCover_threshold > 0,
    fails: (s, p) => s < p.headCover_threshold,
  },
];

/** The checks a policy turns on, so the engine can refuse a policy it cannot honour. */
export function enabledChecks(policy: ProjectPolicy): (keyof CheckScores)[] {
  return CHECK_RULES.filter((r) => r.enabled(policy)).map((r) => r.scoreKey);
}

export class MissingCheckError extends Error {
  constructor(readonly check: keyof CheckScores) {
    super(`policy enables ${check} but the engine did not measure it`);
    this.name = 'MissingCheckError';
  }
}

export function decide(
  faceSimilarity: number,
  checks: CheckScores,
  policy: ProjectPolicy,
  occludedCut = DEFAULT_OCCLUDED_CUT,
): Decision {
  const score: FaceAuthScore = { face_similarity_score: faceSimilarity };
  const failCodes: FailCode[] = [];
  if (faceSimilarity < policy.faceSimilarity_threshold) failCodes.push('face_compare_underscore');
  for (const rule of CHECK_RULES) {
    if (!rule.enabled(policy)) continue;
    const value = checks[rule.scoreKey];
    if (value === undefined) throw new MissingCheckError(rule.scoreKey);
    score[rule.scoreKey] = value;
    if (rule.fails(value, policy, occludedCut)) failCodes.push(rule.code);
  }
  return { approved: failCodes.length === 0, score, failCodes };
}
