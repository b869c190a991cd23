// One Handlers type unites every domain's handlers; each domain declares its own slice.
import type { MethodChannel } from '../../src-shared/contract/channels';
import type { ParsedRequestOf, ResponseOf } from '../../src-shared/contract/contract';

/** One bridge connection (a window, a browser tab). Main keeps its operator session here so the
 *  session token never crosses into the renderer. */
export interface ConnectionState {
  readonly id: string;
  sessionToken: string | null;
}

export interface CallContext {
  /** Which transport carried the call, for logs and audit. */
  transport: 'ipc' | 'websocket' | 'test';
  connection: ConnectionState;
}

export function newConnection(): ConnectionState {
  return { id: crypto.randomUUID(), sessionToken: null };
}

export type Handler<C extends MethodChannel> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>>;

export type Handlers = { [C in MethodChannel]: Handler<C> };

export type HandlerSlice<C extends MethodChannel> = { [K in C]: Handler<K> };
