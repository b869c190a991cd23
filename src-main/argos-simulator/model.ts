// What the simulator stores: KYC submissions with their selfies, FaceAuth records, and the
// station-events batches it accepted. Shapes follow ../shared/argos-faceauth.md; where the docs
// are silent the choice is marked ASSUMED and listed in docs/argos-assumptions.md.
import type { FaceAuthResult } from '../../src-shared/faceauth/result';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';

/** Submission statuses as ARGOS documents them; only `approved` may be verified. */
export const SUBMISSION_STATUSES = [
  'created',
  'retry',
  'submit',
  'approved',
  'rejected',
  'updated',
  'delete',
  'injection',
  'aml',
  'aml_monitor',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface SimSubmission {
  submission_id: string;
  created_at: string;
  kyc_result_at: string | null;
  email: string | null;
  userid: string | null;
  status: SubmissionStatus;
  selfie: Uint8Array | null;
  /** Set by the demo flow so demo data is never mistaken for real data. */
  demo?: boolean;
}

export interface SimFaceAuthRecord {
  result: FaceAuthResult;
  submissionId: string;
  userId: string | null;
  cf1: string | null;
  cf2: string | null;
  cf3: string | null;
  image: Uint8Array;
  deleted: boolean;
}

export interface StationEventBatch {
  idempotencyKey: string;
  stationId: string;
  events: unknown[];
  receivedAt: string;
}

/** The project's policy, as GET /v3/faceauth items carry it. */
export const DEFAULT_SIM_POLICY: ProjectPolicy = {
  faceSimilarity_threshold: 85,
  occluded_threshold: false,
  faceCover_threshold: 0,
  headCover_threshold: 0,
  liveness_threshold: 0,
};
