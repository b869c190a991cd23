// Shared bits for sync tests: the simulator's keys and policy (those the sync scripts use), and
// the central records in the shape the delivery check reads.
import type { ArgosSimulator } from '../../../src-main/argos-simulator/server';
import type { CentralRecord } from '../../../src-main/sync/delivery-audit';
import { SIM_KEYS, SIM_POLICY } from '../../../scripts/sync/sim-fixtures';

export { SIM_KEYS, SIM_POLICY as TEST_POLICY };

export function centralRecords(sim: ArgosSimulator): CentralRecord[] {
  return sim.state.records.map((r) => ({
    authenticationId: r.result.authentication_id,
    submissionId: r.submissionId,
    cf1: r.cf1,
    cf2: r.cf2,
    cf3: r.cf3,
  }));
}
