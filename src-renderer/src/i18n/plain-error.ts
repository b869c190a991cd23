// What an operator reads when something fails: a translated sentence chosen by the error's code,
// with the code itself as secondary text. Schema text and developer messages never reach them.
import { BridgeError, BRIDGE_ERROR_CODES } from '../../../src-shared/contract/envelope';
import { FACEAUTH_ERROR_CODES } from '../../../src-shared/faceauth/codes';

export interface PlainError {
  /** i18n key of the sentence to show. */
  key: string;
  /** The FaceAuth or bridge code, shown small under the sentence. */
  code: string;
}

/** Where the failure happened: the same code means something else in the override dialog. */
export type ErrorContext = 'desk' | 'override';

export function isFaceAuthErrorCode(code: string): boolean {
  return (FACEAUTH_ERROR_CODES as readonly string[]).includes(code);
}

export function faceAuthProblem(code: string): PlainError {
  return isFaceAuthErrorCode(code)
    ? { key: `problems.faceauth.${code}`, code }
    : { key: 'problems.bridge.unknown', code };
}

export function plainError(cause: unknown, context: ErrorContext = 'desk'): PlainError {
  if (
    cause instanceof BridgeError &&
    (BRIDGE_ERROR_CODES as readonly string[]).includes(cause.code)
  ) {
    if (context === 'override' && (cause.code === 'unauthorized' || cause.code === 'forbidden'))
      return { key: `problems.override.${cause.code}`, code: cause.code };
    return { key: `problems.bridge.${cause.code}`, code: cause.code };
  }
  return { key: 'problems.bridge.unknown', code: 'internal' };
}
