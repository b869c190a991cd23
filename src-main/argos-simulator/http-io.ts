// Small helpers for the simulator's HTTP answers, in ARGOS's error body shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ERROR_MESSAGES, type FaceAuthErrorCode } from '../../src-shared/faceauth/codes';

export interface SimResponse {
  status: number;
  body: unknown;
  /** Raw bytes (image downloads); `body` is ignored when present. */
  bytes?: Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

export function argosError(status: number, code: FaceAuthErrorCode): SimResponse {
  return {
    status,
    body: { errorCode: code, message: ERROR_MESSAGES[code], traceId: randomUUID() },
  };
}

export function serialise(response: SimResponse): {
  payload: Buffer;
  headers: Record<string, string | number>;
} {
  const payload = response.bytes
    ? Buffer.from(response.bytes)
    : Buffer.from(JSON.stringify(response.body));
  return {
    payload,
    headers: {
      'Content-Type': response.contentType ?? 'application/json',
      'Content-Length': payload.length,
      ...response.headers,
    },
  };
}

export function send(res: ServerResponse, response: SimResponse): void {
  const { payload, headers } = serialise(response);
  res.writeHead(response.status, headers).end(payload);
}

/** Reads a request body up to a limit; null when the limit is passed. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** yyyy-mm-dd, as ARGOS's listing parameters are written. */
export function isIsoDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

export function dayOf(isoTime: string): string {
  return isoTime.slice(0, 10);
}
