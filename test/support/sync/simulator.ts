// Shared bits for sync tests: the simulator's keys, a project policy, and the central records
// in the shape the delivery check reads.
import type { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { CentralRecord } from '../../../src-main/sync/delivery-audit';
import type { ProjectPolicy } from '../../../src-shared/faceauth/policy';

export const SIM_KEYS = { faceAuthKey: 'face-key', idCheckKey: 'id-key' };

export const TEST_POLICY: ProjectPolicy = {
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 0,
  headCover_threshold: 0,
  liveness_threshold: 0,
};

export function centralRecords(sim: ArgosSimulator): CentralRecord[] {
  return sim.state.records.map((r) => ({
    authenticationId: r.result.authentication_id,
    submissionId: r.submissionId,
    cf1: r.cf1,
    cf2: r.cf2,
    cf3: r.cf3,
  }));
}
