// What a verification may rely on about a cached submission, without any SQL: the lookup's shape
// (the worker's submissions:lookup answers it) and the FaceAuth answer owed before a face is
// compared. Main imports this module; the store worker's services/submissions.ts fills it in.
import { faceAuthError, type FaceAuthError } from '../../src-shared/faceauth/result';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';

/** The engine's reference templates, opaque to the store (e.g. Float32 descriptors, encoded). */
export interface ReferenceTemplates {
  modelVersion: string;
  data: Uint8Array;
}

export type SubmissionLookup =
  | { found: false; submissionId: string }
  | {
      found: true;
      submissionId: string;
      status: string;
      policy: ProjectPolicy;
      templates: ReferenceTemplates | null;
      thumbnail: Uint8Array | null;
      lastSeenAt: number;
      templatesPurgedAt: number | null;
      /** The central API has not reported it for longer than the maximum cache age: a
       *  revocation made meanwhile may not have reached this station. */
      cacheTooOld: boolean;
    };

/** What the operator reads when the cache is too old (the errorCode stays FaceAuth's). */
export const CACHE_TOO_OLD_MESSAGE =
  'The cached approval is older than the maximum cache age: sync with the central API before verifying';

export const VERIFIABLE_STATUS = 'approved';

/**
 * The FaceAuth answer owed before any face comparison: Invalid_submissionId when the station
 * does not know the submission or it was deleted centrally (ASSUMED: ARGOS can no longer find
 * it), invalid_submission_status when it is not approved, and data_processing_error when its
 * reference templates were purged by retention (the cache must be refreshed first).
 */
export function submissionGate(lookup: SubmissionLookup): FaceAuthError | null {
  if (!lookup.found || lookup.status === 'delete') return faceAuthError('Invalid_submissionId');
  if (lookup.status !== VERIFIABLE_STATUS) return faceAuthError('invalid_submission_status');
  if (lookup.cacheTooOld)
    return { errorCode: 'invalid_submission_status', message: CACHE_TOO_OLD_MESSAGE };
  if (lookup.templates === null) return faceAuthError('data_processing_error');
  return null;
}
