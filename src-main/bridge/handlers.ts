// One Handlers type unites every domain's handlers; each domain declares its own slice.
import type { MethodChannel } from '../../src-shared/contract/channels';
import type { ParsedRequestOf, ResponseOf } from '../../src-shared/contract/contract';

export interface CallContext {
  /** Which transport carried the call, for logs and audit. */
  transport: 'ipc' | 'websocket' | 'test';
}

export type Handler<C extends MethodChannel> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>>;

export type Handlers = { [C in MethodChannel]: Handler<C> };

export type HandlerSlice<C extends MethodChannel> = { [K in C]: Handler<K> };
