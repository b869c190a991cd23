// Every failure inside the engine is an EngineError carrying the ARGOS FaceAuth error code it
// answers with (see ../shared/argos-faceauth.md, "Error codes"), plus a detail for the logs
// that never reaches the FaceAuth JSON (ARGOS's messages are fixed strings).
import { faceAuthError, type FaceAuthError } from '../../../src-shared/faceauth/result';
import type { FaceAuthErrorCode } from '../../../src-shared/faceauth/codes';

export class EngineError extends Error {
  readonly code: FaceAuthErrorCode;
  readonly detail: string;

  constructor(code: FaceAuthErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'EngineError';
    this.code = code;
    this.detail = detail;
  }
}

/**
 * Maps anything thrown by a pipeline stage to a FaceAuth error object. An EngineError keeps its
 * code; anything else is an unexpected model/runtime failure, which ARGOS reports as
 * detection_server_error ("Cannot finish process of detecting face").
 */
export function toFaceAuthError(err: unknown, traceId?: string): FaceAuthError {
  if (err instanceof EngineError) return faceAuthError(err.code, traceId);
  return faceAuthError('detection_server_error', traceId);
}

export function describeError(err: unknown): string {
  if (err instanceof EngineError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
