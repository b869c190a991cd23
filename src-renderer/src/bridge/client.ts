// The typed client the renderer's stores call: client.frame.analyze({...}). It validates what
// comes back against the same contract main used, and turns error envelopes into BridgeErrors.
import {
  splitChannel,
  type StationClient,
  type StationEvents,
} from '../../../src-shared/contract/api';
import { EVENT_CHANNELS, METHOD_CHANNELS } from '../../../src-shared/contract/channels';
import { events, methods } from '../../../src-shared/contract/contract';
import { BridgeError } from '../../../src-shared/contract/envelope';
import type { BridgeTransport } from './transport';

type Tree = Record<string, Record<string, unknown>>;

export function createStationClient(transport: BridgeTransport): {
  client: StationClient;
  on: StationEvents;
} {
  const client: Tree = {};
  for (const channel of METHOD_CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    (client[domain] ??= {})[verb] = async (request: unknown) => {
      const envelope = await transport.call(channel, request);
      if (!envelope.ok) throw new BridgeError(envelope.error.code, envelope.error.message);
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
