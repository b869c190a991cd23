// Browser host: the same contract over a WebSocket on 127.0.0.1, one MessagePack frame per
// message so that image bytes stay binary. Reconnects with capped backoff; calls made while
// disconnected fail at once with `unavailable` instead of hanging.
import { decode, encode } from '@msgpack/msgpack';
import type { EventChannel } from '../../../src-shared/contract/channels';
import { failure, type Envelope } from '../../../src-shared/contract/envelope';
import {
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
  WireEventSchema,
  WireReplySchema,
} from '../../../src-shared/contract/wire';
import type { BridgeTransport } from './transport';

const CALL_TIMEOUT_MS = 30_000;
const MAX_RECONNECT_DELAY_MS = 5_000;

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('close', () => resolve(), { once: true });
  });
}

export function createWebSocketTransport(origin: string, token: string): BridgeTransport {
  const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let reconnectDelay = 250;
  let socket = connect();

  function connect(): WebSocket {
    const ws = new WebSocket(url, [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`]);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      reconnectDelay = 250;
    };
    ws.onmessage = (message) => receive(message.data);
    ws.onclose = () => {
      for (const [id, call] of pending) {
        clearTimeout(call.timer);
        call.resolve(failure('unavailable', 'The connection to the station closed'));
        pending.delete(id);
      }
      setTimeout(() => {
        socket = connect();
      }, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
    };
    return ws;
  }

  function receive(data: unknown): void {
    if (!(data instanceof ArrayBuffer)) return;
    const message = decode(new Uint8Array(data));
    const reply = WireReplySchema.safeParse(message);
    if (reply.success) {
      const call = pending.get(reply.data.id);
      if (call) {
        clearTimeout(call.timer);
        pending.delete(reply.data.id);
        call.resolve(reply.data.envelope as Envelope<unknown>);
      }
      return;
    }
    const event = WireEventSchema.safeParse(message);
    if (event.success) {
      for (const listener of listeners.get(event.data.channel) ?? []) listener(event.data.payload);
    }
  }

  return {
    kind: 'websocket',
    async call(channel, payload) {
      // The first calls of a page race the handshake; wait for it rather than fail.
      if (socket.readyState === WebSocket.CONNECTING) await opened(socket);
      if (socket.readyState !== WebSocket.OPEN) {
        return failure('unavailable', 'The station is not connected');
      }
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(failure('unavailable', 'The station did not answer in time'));
        }, CALL_TIMEOUT_MS);
        pending.set(id, { resolve, timer });
        socket.send(encode({ kind: 'call', id, channel, payload }));
      });
    },
    subscribe(channel: EventChannel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
}
