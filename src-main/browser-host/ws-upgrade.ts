// The checks an upgrade to the bridge WebSocket must pass before any bridge code sees it: the
// path, the Host header (DNS rebinding), the per-run token, the page's Origin (cross-site
// WebSocket hijacking) and the connection cap (a local process opening sockets until main runs
// out of memory or file descriptors). A refusal is an HTTP answer with a typed error body.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { failure, type BridgeErrorCode } from '../../src-shared/contract/envelope';
import { WS_PATH, WS_TOKEN_PROTOCOL_PREFIX } from '../../src-shared/contract/wire';
import { tokensMatch } from './token';

export interface UpgradePolicy {
  token: string;
  /** Host header values accepted (127.0.0.1:PORT, localhost:PORT). */
  allowedHosts: () => string[];
  allowedOrigins: () => string[];
  maxConnections: number;
}

export interface Refusal {
  status: 401 | 403 | 404 | 421 | 503;
  code: BridgeErrorCode;
  message: string;
}

const STATUS_TEXT: Record<Refusal['status'], string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  503: 'Service Unavailable',
};

export function checkUpgrade(
  request: IncomingMessage,
  policy: UpgradePolicy,
  openConnections: number,
): Refusal | null {
  // DNS rebinding: a page on attacker.example whose name now resolves to 127.0.0.1 connects
  // with Host: attacker.example. Refused first, as the page server does (http-server.ts).
  if (!policy.allowedHosts().includes(request.headers.host ?? '')) {
    return { status: 421, code: 'forbidden', message: 'This host name may not use the bridge' };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WS_PATH)
    return { status: 404, code: 'unknown_method', message: 'No such endpoint' };
  const offered = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .find((part) => part.startsWith(WS_TOKEN_PROTOCOL_PREFIX))
    ?.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  if (!tokensMatch(policy.token, offered)) {
    return { status: 401, code: 'unauthorized', message: 'A valid station token is required' };
  }
  // Cross-site WebSocket hijacking guard: browsers always send Origin; non-browser clients that
  // hold the token (tests, kiosk tooling) may omit it.
  const origin = request.headers.origin;
  if (origin !== undefined && !policy.allowedOrigins().includes(origin)) {
    return {
      status: 403,
      code: 'forbidden',
      message: 'This origin may not use the station bridge',
    };
  }
  if (openConnections >= policy.maxConnections) {
    return { status: 503, code: 'busy', message: 'Too many open station windows; close one' };
  }
  return null;
}

export function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = JSON.stringify(failure(refusal.code, refusal.message));
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
