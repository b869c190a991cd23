// The browser host's bridge: the same contract as Electron IPC, carried over a WebSocket on
// 127.0.0.1. The upgrade is refused without the per-run token or from a foreign origin.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { decode, encode } from '@msgpack/msgpack';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../src-shared/contract/frame';
import { failure } from '../../src-shared/contract/envelope';
import {
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
  WireCallSchema,
  type WireEvent,
  type WireReply,
} from '../../src-shared/contract/wire';
import type { Dispatch } from '../bridge/dispatcher';
import type { EventHub } from '../bridge/event-hub';
import { newConnection, type ConnectionState } from '../bridge/handlers';
import type { Logger } from '../host/logger';
import { tokensMatch } from './token';

export interface WsBridgeOptions {
  server: Server;
  token: string;
  allowedOrigins: () => string[];
  dispatch: Dispatch;
  hub: EventHub;
  logger: Logger;
}

export function attachWebSocketBridge(options: WsBridgeOptions): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES + 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  options.server.on('upgrade', (request, socket, head) => {
    const refusal = checkUpgrade(request, options);
    if (refusal !== null) {
      options.logger.warn('bridge.upgrade_refused', { reason: refusal.message });
      refuseUpgrade(socket, refusal.status, refusal.code, refusal.message);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, options));
  });
  return wss;
}

interface Refusal {
  status: number;
  code: 'unauthorized' | 'forbidden' | 'unknown_method';
  message: string;
}

function checkUpgrade(request: IncomingMessage, options: WsBridgeOptions): Refusal | null {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WS_PATH)
    return { status: 404, code: 'unknown_method', message: 'No such endpoint' };
  const offered = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .find((part) => part.startsWith(WS_TOKEN_PROTOCOL_PREFIX))
    ?.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  if (!tokensMatch(options.token, offered)) {
    return { status: 401, code: 'unauthorized', message: 'A valid station token is required' };
  }
  // Cross-site WebSocket hijacking guard: browsers always send Origin; non-browser clients that
  // hold the token (tests, kiosk tooling) may omit it.
  const origin = request.headers.origin;
  if (origin !== undefined && !options.allowedOrigins().includes(origin)) {
    return {
      status: 403,
      code: 'forbidden',
      message: 'This origin may not use the station bridge',
    };
  }
  return null;
}

function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify(failure(code as never, message));
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function serveConnection(ws: WebSocket, options: WsBridgeOptions): void {
  const connection = newConnection();
  const removeSink = options.hub.addSink((channel, payload) => {
    const event: WireEvent = { kind: 'event', channel, payload };
    ws.send(encode(event));
  });
  ws.on('close', removeSink);
  ws.on('message', (data, isBinary) => {
    void handleMessage(ws, data as Buffer, isBinary, connection, options);
  });
}

async function handleMessage(
  ws: WebSocket,
  data: Buffer,
  isBinary: boolean,
  connection: ConnectionState,
  options: WsBridgeOptions,
): Promise<void> {
  let decoded: unknown;
  try {
    if (!isBinary) throw new Error('text frame');
    decoded = decode(data);
  } catch {
    // Without a readable id there is no call to answer; say so once and keep the socket.
    ws.send(
      encode({
        kind: 'reply',
        id: 0,
        envelope: failure('bad_request', 'Messages must be MessagePack binary frames'),
      }),
    );
    return;
  }
  const call = WireCallSchema.safeParse(decoded);
  if (!call.success) {
    const id =
      typeof (decoded as { id?: unknown })?.id === 'number' ? (decoded as { id: number }).id : 0;
    ws.send(encode({ kind: 'reply', id, envelope: failure('bad_request', 'Malformed call') }));
    return;
  }
  const envelope = await options.dispatch(call.data.channel, call.data.payload, {
    transport: 'websocket',
    connection,
  });
  const reply: WireReply = { kind: 'reply', id: call.data.id, envelope };
  if (ws.readyState === ws.OPEN) ws.send(encode(reply));
}
