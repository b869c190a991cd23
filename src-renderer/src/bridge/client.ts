// The typed client the renderer's stores call: client.frame.analyze({...}). It validates what
// comes back against the same contract main used, and turns error envelopes into BridgeErrors.
import {
  splitChannel,
  type StationClient,
  type StationEvents,
} from '../../../src-shared/contract/api';
import {
  EVENT_CHANNELS,
  METHOD_CHANNELS,
  type MethodChannel,
} from '../../../src-shared/contract/channels';
import { events, methods } from '../../../src-shared/contract/contract';
import { BridgeError } from '../../../src-shared/contract/envelope';
import type { BridgeTransport } from './transport';

type Tree = Record<string, Record<string, unknown>>;

/** Channels whose `unauthorized` answer is about the credentials typed, not a lost session. */
const SIGN_IN_CHANNELS: readonly MethodChannel[] = ['session:signIn', 'session:createFirstAdmin'];

export interface StationClientOptions {
  /** Called whenever a call answers `unauthorized`: the session ended in main (expired, revoked,
   *  account disabled), so the page must forget it and show the sign-in screen. */
  onSessionLost?: () => void;
}

export function createStationClient(
  transport: BridgeTransport,
  options: StationClientOptions = {},
): {
  client: StationClient;
  on: StationEvents;
} {
  const client: Tree = {};
  for (const channel of METHOD_CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    (client[domain] ??= {})[verb] = async (request: unknown) => {
      const envelope = await transport.call(channel, request);
      if (!envelope.ok) {
        if (envelope.error.code === 'unauthorized' && !SIGN_IN_CHANNELS.includes(channel))
          options.onSessionLost?.();
        throw new BridgeError(envelope.error.code, envelope.error.message);
      }
      return methods[channel].response.parse(envelope.value);
    };
  }
  const on: Tree = {};
  for (const channel of EVENT_CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    (on[domain] ??= {})[verb] = (listener: (payload: unknown) => void) =>
      transport.subscribe(channel, (payload) => {
        const parsed = events[channel].safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
  }
  // Built from the same channel list the types are derived from, one entry per channel.
  return { client: client as unknown as StationClient, on: on as unknown as StationEvents };
}
