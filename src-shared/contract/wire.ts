// The browser host's WebSocket messages. Each is one binary MessagePack frame, so image bytes
// travel as raw binary next to the JSON-like fields.
import { z } from 'zod';
import { BridgeErrorSchema } from './envelope';
import { MAX_FRAME_BYTES } from './frame';

export const WS_PROTOCOL = 'faceauth-station.v1';
/** Browsers cannot set headers on a WebSocket, so the token rides as a second subprotocol. */
export const WS_TOKEN_PROTOCOL_PREFIX = 'token.';
export const WS_PATH = '/bridge';

/** The largest call the contract allows: one image at its limit plus the call's small fields.
 *  Main refuses a bigger WebSocket message before decoding it. */
export const MAX_WIRE_CALL_BYTES = MAX_FRAME_BYTES + 16 * 1024;

export const WireCallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  payload: z.unknown(),
});

export const WireReplySchema = z.object({
  kind: z.literal('reply'),
  id: z.number().int().nonnegative(),
  envelope: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
  ]),
});

export const WireEventSchema = z.object({
  kind: z.literal('event'),
  channel: z.string(),
  payload: z.unknown(),
});

export type WireCall = z.infer<typeof WireCallSchema>;
export type WireReply = z.infer<typeof WireReplySchema>;
export type WireEvent = z.infer<typeof WireEventSchema>;
