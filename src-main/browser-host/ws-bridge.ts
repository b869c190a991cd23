// The browser host's bridge: the same contract as Electron IPC, carried over a WebSocket on
// 127.0.0.1. Upgrades pass ws-upgrade.ts's checks; each connection then gets bounded messages
// (refused before decoding when over the contract's limit) and a bounded number of calls in
// flight, so one local client cannot exhaust main's memory or queue.
import type { Server } from 'node:http';
import { decode, encode, type DecoderOptions } from '@msgpack/msgpack';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../src-shared/contract/frame';
import { failure } from '../../src-shared/contract/envelope';
import {
  MAX_WIRE_CALL_BYTES,
  WS_PROTOCOL,
  WireCallSchema,
  type WireEvent,
  type WireReply,
} from '../../src-shared/contract/wire';
import type { Dispatch } from '../bridge/dispatcher';
import type { EventHub } from '../bridge/event-hub';
import { newConnection } from '../bridge/handlers';
import type { Logger } from '../host/logger';
import { checkUpgrade, refuseUpgrade, type UpgradePolicy } from './ws-upgrade';

/** A desk has one window; a few more cover a supervisor's second tab and reconnects. */
export const MAX_BRIDGE_CONNECTIONS = 8;
/** The renderer keeps a handful of calls open at start-up; more is a flood. */
export const MAX_CALLS_IN_FLIGHT = 16;

/** Bounds for the MessagePack decoder, so a small message cannot declare huge containers. */
const DECODE_LIMITS: Partial<DecoderOptions> = {
  maxBinLength: MAX_FRAME_BYTES,
  maxStrLength: 1024 * 1024,
  maxArrayLength: 10_000,
  maxMapLength: 1_000,
  maxExtLength: 0,
};

export interface WsBridgeOptions extends Omit<UpgradePolicy, 'maxConnections'> {
  server: Server;
  dispatch: Dispatch;
  hub: EventHub;
  logger: Logger;
  maxConnections?: number;
  maxCallsInFlight?: number;
}

export function attachWebSocketBridge(options: WsBridgeOptions): WebSocketServer {
  const policy: UpgradePolicy = {
    ...options,
    maxConnections: options.maxConnections ?? MAX_BRIDGE_CONNECTIONS,
  };
  const wss = new WebSocketServer({
    noServer: true,
    // ws closes the socket with 1009 (message too big) while receiving, before anything decodes.
    maxPayload: MAX_WIRE_CALL_BYTES,
    // No compression: a compressed message would be inflated before its size is known.
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  options.server.on('upgrade', (request, socket, head) => {
    const refusal = checkUpgrade(request, policy, wss.clients.size);
    if (refusal !== null) {
      options.logger.warn('bridge.upgrade_refused', { status: refusal.status });
      refuseUpgrade(socket, refusal);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, options));
  });
  return wss;
}

function serveConnection(ws: WebSocket, options: WsBridgeOptions): void {
  const connection = newConnection();
  const limit = options.maxCallsInFlight ?? MAX_CALLS_IN_FLIGHT;
  let inFlight = 0;
  const removeSink = options.hub.addSink((channel, payload) => {
    // Pushed status is what the methods answer a signed-in operator only (issue 11).
    if (connection.sessionToken === null) return;
    const event: WireEvent = { kind: 'event', channel, payload };
    ws.send(encode(event));
  });
  ws.on('close', removeSink);
  // ws reports a protocol violation (a message over maxPayload, a bad frame) as an 'error' event
  // and closes the socket itself; without a listener that event would crash main.
  ws.on('error', (error: Error & { code?: string }) => {
    options.logger.warn('bridge.socket_error', { code: error.code ?? 'unknown' });
  });
  ws.on('message', (data, isBinary) => {
    const call = readCall(data as Buffer, isBinary);
    if (!call.ok) {
      reply(ws, call.id, failure('bad_request', call.message));
      return;
    }
    if (inFlight >= limit) {
      reply(ws, call.id, failure('busy', 'Too many calls at once; wait for the answers'));
      return;
    }
    inFlight += 1;
    void options
      .dispatch(call.channel, call.payload, { transport: 'websocket', connection })
      .then((envelope) => reply(ws, call.id, envelope))
      .finally(() => {
        inFlight -= 1;
      });
  });
}

type ReadCall =
  | { ok: true; id: number; channel: string; payload: unknown }
  | { ok: false; id: number; message: string };

function readCall(data: Buffer, isBinary: boolean): ReadCall {
  let decoded: unknown;
  try {
    if (!isBinary) throw new Error('text frame');
    decoded = decode(data, DECODE_LIMITS);
  } catch {
    // Without a readable id there is no call to answer; say so once and keep the socket.
    return { ok: false, id: 0, message: 'Messages must be MessagePack binary frames' };
  }
  const call = WireCallSchema.safeParse(decoded);
  if (!call.success) {
    const id = (decoded as { id?: unknown } | null)?.id;
    return { ok: false, id: typeof id === 'number' ? id : 0, message: 'Malformed call' };
  }
  return { ok: true, ...call.data };
}

function reply(ws: WebSocket, id: number, envelope: WireReply['envelope']): void {
  const message: WireReply = { kind: 'reply', id, envelope };
  if (ws.readyState === ws.OPEN) ws.send(encode(message));
}
