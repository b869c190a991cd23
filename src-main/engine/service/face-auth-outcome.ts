// How an engine failure reaches the caller: errors that are FaceAuth answers become FaceAuth
// error objects; busy and closed propagate as exceptions, so the desk can say "try again".
import type { FaceAuthOutcome } from '../../../src-shared/faceauth/result';
import { toFaceAuthError } from '../errors/engine-error';
import { EngineBusyError, EngineUnavailableError } from '../pool/pool-errors';

export function asOutcome(err: unknown): FaceAuthOutcome {
  if (err instanceof EngineBusyError || err instanceof EngineUnavailableError) throw err;
  return toFaceAuthError(err);
}
