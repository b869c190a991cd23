// Shapes derived from the contract: the typed client the renderer calls, and the object the
// preload exposes. Both are nested by domain (client.frame.analyze(...)), so no caller ever
// writes a channel string.
import type { EventChannel, MethodChannel } from './channels';
import type { Envelope } from './envelope';
import type { EventPayloadOf, RequestOf, ResponseOf } from './contract';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

export type StationClient = {
  [D in DomainOf<MethodChannel>]: {
    [C in MethodChannel as VerbOf<C, D>]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
  };
};

export type Unsubscribe = () => void;

export type StationEvents = {
  [D in DomainOf<EventChannel>]: {
    [E in EventChannel as VerbOf<E, D>]: (
      listener: (payload: EventPayloadOf<E>) => void,
    ) => Unsubscribe;
  };
};

/** What the preload exposes as window.faceauthStation: one function per channel, nothing generic. */
export type PreloadApi = {
  methods: {
    [D in DomainOf<MethodChannel>]: {
      [C in MethodChannel as VerbOf<C, D>]: (
        request: RequestOf<C>,
      ) => Promise<Envelope<ResponseOf<C>>>;
    };
  };
  events: {
    [D in DomainOf<EventChannel>]: {
      [E in EventChannel as VerbOf<E, D>]: (listener: (payload: unknown) => void) => Unsubscribe;
    };
  };
};

export function splitChannel(channel: string): [domain: string, verb: string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}
