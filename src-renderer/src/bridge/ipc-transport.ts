import { splitChannel, type PreloadApi } from '../../../src-shared/contract/api';
import type { Envelope } from '../../../src-shared/contract/envelope';
import type { BridgeTransport } from './transport';

type LooseTree<T> = Record<string, Record<string, T> | undefined>;

/** Electron: every call goes through the one object the preload exposed. */
export function createIpcTransport(api: PreloadApi): BridgeTransport {
  // The preload's object is keyed exactly by the contract's channels (checked there with
  // `satisfies`), so looking a channel up by its domain and verb always finds a function.
  const methods = api.methods as unknown as LooseTree<
    (payload: unknown) => Promise<Envelope<unknown>>
  >;
  const events = api.events as unknown as LooseTree<
    (listener: (payload: unknown) => void) => () => void
  >;
  return {
    kind: 'ipc',
    call(channel, payload) {
      const [domain, verb] = splitChannel(channel);
      const method = methods[domain]?.[verb];
      if (method === undefined) throw new Error(`Preload lacks ${channel}`);
      return method(payload);
    },
    subscribe(channel, listener) {
      const [domain, verb] = splitChannel(channel);
      const subscribe = events[domain]?.[verb];
      if (subscribe === undefined) throw new Error(`Preload lacks ${channel}`);
      return subscribe(listener);
    },
  };
}
