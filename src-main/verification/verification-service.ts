// The desk's decision, made on the machine: check the cached submission, compare the captured
// face with its reference templates, record the result (with its outbox item) and answer in
// FaceAuth's exact shape. The engine's worker pool does the image work; this only orchestrates.
import type { SubmissionCheck, VerifyOutcome } from '../../src-shared/contract/verify';
import {
  faceAuthError,
  isFaceAuthError,
  type FaceAuthError,
} from '../../src-shared/faceauth/result';
import { withEngine, type EngineRuntime } from '../station/engine-runtime';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import { submissionGate, type SubmissionLookup } from '../store/submission-gate';
import { TEMPLATE_MODEL } from '../engine';
import { isDemoSubmissionId } from '../../src-shared/faceauth/demo-ids';
import { decodeReferenceTemplates } from './reference-templates';
import { policyVersion } from './policy-version';
import type { LatencyRecorder } from './latency-recorder';
import { readProjectPolicy } from '../settings/project-policy';

export interface VerificationDeps {
  store: StoreClient;
  engine: EngineRuntime;
  stationId: string;
  latency: LatencyRecorder;
  /** Demo submissions verify only while demo mode runs (their data is local only). */
  demoActive: () => boolean;
}

/** The gate, plus: a DEMO submission outside demo mode is unknown to the real central API. */
function gateFor(
  deps: VerificationDeps,
  submissionId: string,
  lookup: SubmissionLookup,
): FaceAuthError | null {
  if (isDemoSubmissionId(submissionId) && !deps.demoActive())
    return faceAuthError('Invalid_submissionId');
  return submissionGate(lookup);
}

export async function checkSubmission(
  deps: VerificationDeps,
  submissionId: string,
  sessionToken: string,
  /** The desk's own check: a refused id is a failed attempt of this operator (null: not one). */
  options: { recordAttemptBy: string | null } = { recordAttemptBy: null },
): Promise<SubmissionCheck> {
  const [lookup, policy] = await Promise.all([
    callStore(deps.store, 'submissions:lookup', { submissionId }),
    readProjectPolicy(deps.store),
  ]);
  const error = gateFor(deps, submissionId, lookup);
  // Recorded as verify:capture records the same refusal, so History lists it either way.
  if (error !== null && options.recordAttemptBy !== null)
    await callStore(deps.store, 'results:recordError', {
      submissionId,
      error,
      operatorId: options.recordAttemptBy,
    });
  // The operator's look at the reference picture is audited (store/services/biometric-access.ts).
  const thumbnail =
    lookup.found && lookup.thumbnail
      ? await callStore(deps.store, 'access:thumbnail', { sessionToken, submissionId })
      : null;
  return {
    submissionId,
    status: lookup.found ? lookup.status : null,
    error,
    policy: lookup.found ? policy : null,
    thumbnail: thumbnail ? new Uint8Array(thumbnail) : null,
    demo: isDemoSubmissionId(submissionId),
  };
}

export async function verifyCapture(
  deps: VerificationDeps,
  request: { submissionId: string; image: Uint8Array },
  operatorId: string,
): Promise<VerifyOutcome> {
  const started = performance.now();
  const finish = (
    outcome: VerifyOutcome['outcome'],
    authenticationId: string | null,
  ): VerifyOutcome => {
    const latencyMs = performance.now() - started;
    deps.latency.record(latencyMs);
    return { outcome, authenticationId, latencyMs };
  };
  const recordError = async (error: FaceAuthError) => {
    await callStore(deps.store, 'results:recordError', {
      submissionId: request.submissionId,
      error,
      operatorId,
    });
    return finish(error, null);
  };

  const [lookup, policy] = await Promise.all([
    callStore(deps.store, 'submissions:lookup', { submissionId: request.submissionId }),
    // The project's current policy, not the one cached with the submission: ARGOS applies the
    // project's policy at verification time.
    readProjectPolicy(deps.store),
  ]);
  const gate = gateFor(deps, request.submissionId, lookup);
  if (gate !== null || !lookup.found || lookup.templates === null)
    return recordError(gate ?? faceAuthError('Invalid_submissionId'));
  const templates = decodeReferenceTemplates(lookup.templates);
  // Templates of another model cannot be compared; the cache must re-enroll this submission.
  if (templates === null) return recordError(faceAuthError('data_processing_error'));

  const outcome = await withEngine(deps.engine, (engine) =>
    engine.verify({ faceImage: request.image, templates, policy }),
  );
  if (isFaceAuthError(outcome)) return recordError(outcome);
  await callStore(deps.store, 'results:record', {
    submissionId: request.submissionId,
    result: outcome,
    // cf1 = station id, cf2 = local authentication id, as sync sends them to the central API.
    requestFields: { cf1: deps.stationId, cf2: outcome.authentication_id },
    modelVersion: TEMPLATE_MODEL,
    policyVersion: policyVersion(policy),
    operatorId,
    capturedImage: request.image,
  });
  return finish(outcome, outcome.authentication_id);
}
