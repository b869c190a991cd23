// Every answer that crosses the bridge is an envelope: a value, or an error whose code comes
// from a closed set. Domain outcomes (a FaceAuth rejection, a FaceAuth error object) are
// values; these codes are for the bridge itself.
import { z } from 'zod';

export const BRIDGE_ERROR_CODES = [
  /** The payload broke the method's schema; nothing was done. */
  'bad_request',
  /** No valid session token (browser host) or no signed-in operator. */
  'unauthorized',
  /** The caller is not the app's own frame, or lacks the role. */
  'forbidden',
  /** The channel is not part of the contract. */
  'unknown_method',
  /** A bounded queue is full; try again shortly. */
  'busy',
  /** A service the method needs is not ready (models still loading, database locked). */
  'unavailable',
  /** A fault inside main; details are in main's log, not in the message. */
  'internal',
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export const BridgeErrorSchema = z.object({
  code: z.enum(BRIDGE_ERROR_CODES),
  message: z.string(),
});

export type BridgeErrorBody = z.infer<typeof BridgeErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorBody };

/** Thrown by handlers and clients so that a code survives the trip across the bridge. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export function failure(code: BridgeErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
