// A minimal Node client for the browser host's WebSocket bridge, used by integration tests.
import { decode, encode } from '@msgpack/msgpack';
import WebSocket from 'ws';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../src-shared/contract/wire';

export interface UpgradeRefusal {
  status: number;
  body: unknown;
}

export function openBridge(
  origin: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<WebSocket> {
  const protocols =
    token === null ? [WS_PROTOCOL] : [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`];
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, protocols, {
    headers,
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        reject(
          Object.assign(new Error('refused'), {
            refusal: { status: response.statusCode, body: JSON.parse(body) },
          }),
        ),
      );
    });
    socket.once('error', reject);
  });
}

export async function refusalOf(promise: Promise<unknown>): Promise<UpgradeRefusal> {
  try {
    await promise;
  } catch (error) {
    return (error as { refusal: UpgradeRefusal }).refusal;
  }
  throw new Error('The upgrade was accepted');
}

let nextId = 1;

/** Sends one call and resolves with the envelope of its reply. */
export function call(
  socket: WebSocket,
  channel: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const id = nextId++;
  return sendRaw(socket, encode({ kind: 'call', id, channel, payload }), id);
}

export function sendRaw(
  socket: WebSocket,
  data: Uint8Array | string,
  id: number,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    const onMessage = (raw: Buffer) => {
      const message = decode(raw) as { kind: string; id?: number; envelope?: never };
      if (message.kind === 'reply' && message.id === id) {
        socket.off('message', onMessage);
        resolve(message.envelope!);
      }
    };
    socket.on('message', onMessage);
    socket.send(data);
  });
}

export function nextEvent(socket: WebSocket, channel: string): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (raw: Buffer) => {
      const message = decode(raw) as { kind: string; channel?: string; payload?: unknown };
      if (message.kind === 'event' && message.channel === channel) {
        socket.off('message', onMessage);
        resolve(message.payload);
      }
    };
    socket.on('message', onMessage);
  });
}
