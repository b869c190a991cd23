// The local ARGOS server in its own process, driven over the IPC channel of child_process.fork:
// benchmarks then measure the station's side without the server sharing its event loop (the
// central API is another machine in real use). Messages: addSubmissions, setFaults, records.
import type { SimulatorOptions } from '../../src-main/argos-simulator/server';
import { ArgosSimulator } from '../../src-main/argos-simulator/server';
import type { SimSubmission } from '../../src-main/argos-simulator/model';
import type { FaultRates } from '../../src-main/argos-simulator/faults';

export type SimRequest =
  | {
      id: number;
      op: 'addSubmissions';
      items: (Partial<SimSubmission> & { submission_id: string })[];
    }
  | { id: number; op: 'setFaults'; faults: Partial<FaultRates> }
  | { id: number; op: 'records' }
  | { id: number; op: 'stats' };

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = new ArgosSimulator(options);
const url = await sim.start();
process.send?.({ ready: true, url });

process.on('message', (message: SimRequest) => {
  let value: unknown = null;
  if (message.op === 'addSubmissions') {
    for (const item of message.items) {
      sim.addSubmission({
        ...item,
        selfie: item.selfie ? new Uint8Array(Object.values(item.selfie)) : null,
      });
    }
  } else if (message.op === 'setFaults') {
    sim.setFaults(message.faults);
  } else if (message.op === 'records') {
    value = sim.state.records.map((r) => ({
      authenticationId: r.result.authentication_id,
      submissionId: r.submissionId,
      cf1: r.cf1,
      cf2: r.cf2,
      cf3: r.cf3,
    }));
  } else if (message.op === 'stats') {
    value = sim.stats;
  }
  process.send?.({ id: message.id, value });
});
process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
