// The policy the station applies when a FaceAuth project has not supplied its own. The threshold
// 85 is both ARGOS's documented example and, by construction of the score calibration
// (calibration/score-calibration.ts), the score at which the evaluation set's impostor pairs are
// accepted at FMR <= 1e-3 (docs/engine.md has the table). Stored as data in resources/policy.
import { ProjectPolicySchema, type ProjectPolicy } from '../../../src-shared/faceauth/policy';
import defaultPolicyJson from '../../../resources/policy/default-policy.json';

export const DEFAULT_POLICY: ProjectPolicy = ProjectPolicySchema.parse(defaultPolicyJson);
