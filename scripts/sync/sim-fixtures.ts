// Keys and policy shared by the sync scripts and the simulator they start.
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';

export const SIM_KEYS = { faceAuthKey: 'chaos-face-key', idCheckKey: 'chaos-id-key' };

export const SIM_POLICY: ProjectPolicy = {
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 0,
  headCover_threshold: 0,
  liveness_threshold: 0,
};
