// First run with nothing configured: the station starts a local ARGOS-compatible simulator on
// 127.0.0.1 with a demo project, so a newcomer can try the whole flow (enroll, verify, reject,
// override, sync) with one command. Demo submissions carry the DEMO- prefix everywhere, and the
// simulator's keys exist only in this process: demo data cannot reach a real central API.
import { randomBytes } from 'node:crypto';
import { ArgosSimulator } from '../argos-simulator/server';
import type { Verdict } from '../argos-simulator/verdict';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { FaceEngine } from '../engine';
import { DEMO_PREFIX } from '../../src-shared/faceauth/demo-ids';

export interface DemoSubmission {
  submissionId: string;
  displayName: string;
}

export interface DemoEndpoint {
  baseUrl: string;
  faceAuthKey: string;
  idCheckKey: string;
}

export class DemoMode {
  private readonly names = new Map<string, string>();
  readonly simulator: ArgosSimulator;
  readonly keys = {
    faceAuthKey: `demo-face-${randomBytes(8).toString('hex')}`,
    idCheckKey: `demo-id-${randomBytes(8).toString('hex')}`,
  };

  constructor(engine: () => FaceEngine | null, policy: ProjectPolicy) {
    this.simulator = new ArgosSimulator({ ...this.keys, policy, verdict: engineVerdict(engine) });
  }

  /** The station's project policy is the demo project's policy too, so the demo central decides
   *  by the same rules and no disagreement comes from a policy only one side has. */
  setPolicy(policy: ProjectPolicy): void {
    this.simulator.setPolicy(policy);
  }

  async start(): Promise<DemoEndpoint> {
    const baseUrl = await this.simulator.start();
    return { baseUrl, ...this.keys };
  }

  close(): Promise<void> {
    return this.simulator.close();
  }

  /** Registers a DEMO submission whose selfie is the given picture. */
  addSubmission(displayName: string, selfie: Uint8Array): string {
    const submissionId = `${DEMO_PREFIX}${randomBytes(4).toString('hex').toUpperCase()}`;
    this.simulator.addSubmission({
      submission_id: submissionId,
      selfie,
      status: 'approved',
      demo: true,
      userid: displayName,
    });
    this.names.set(submissionId, displayName);
    return submissionId;
  }

  revoke(submissionId: string): void {
    this.simulator.setStatus(submissionId, 'rejected');
  }

  list(): { submissionId: string; displayName: string; status: string }[] {
    return [...this.simulator.state.submissions.values()]
      .filter((submission) => submission.demo)
      .map((submission) => ({
        submissionId: submission.submission_id,
        displayName: this.names.get(submission.submission_id) ?? submission.submission_id,
        status: submission.status,
      }));
  }
}

/** The simulator decides with the station's own engine, as ARGOS would with its models. */
function engineVerdict(engine: () => FaceEngine | null): Verdict {
  return async ({ submission, faceImage, policy }) => {
    const ready = engine();
    if (ready === null || submission.selfie === null)
      return {
        errorCode: 'detection_server_error',
        message: 'Cannot finish process of detecting face',
      };
    const reference = await ready.enroll(submission.selfie);
    if (!reference.ok) return reference.error;
    const outcome = await ready.verify({ faceImage, templates: [reference.template], policy });
    return outcome;
  };
}
