// How the typed client reaches main: Electron's preload, or the browser host's WebSocket.
import type { EventChannel, MethodChannel } from '../../../src-shared/contract/channels';
import type { Envelope } from '../../../src-shared/contract/envelope';

export interface BridgeTransport {
  readonly kind: 'ipc' | 'websocket';
  call(channel: MethodChannel, payload: unknown): Promise<Envelope<unknown>>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}
