import { BridgeError } from '../../../src-shared/contract/envelope';

/** The message to show for a failed call; session loss is handled by the caller's store. */
export function messageOf(cause: unknown): string {
  if (cause instanceof BridgeError) return cause.message;
  return cause instanceof Error ? cause.message : String(cause);
}

export function isSessionLost(cause: unknown): boolean {
  return cause instanceof BridgeError && cause.code === 'unauthorized';
}
