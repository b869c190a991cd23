// One HTTP exchange with the central API, classified by what it tells us about the effect on
// the server. That classification is the heart of exactly-once delivery: only an answer proves
// what happened; a reset, a timeout, a 5xx or a cut-off body leave the outcome UNKNOWN.
// The central API is trusted only as far as it must be: redirects are never followed (fetch
// would resend the custom x-api-key header to the new origin and take its answer as central's),
// and no body is read past a cap, so a hostile or broken server cannot exhaust memory.
import { parseRetryAfter } from './backoff';
import { readCappedBody, BodyTooLarge } from './capped-body';

/** Largest JSON answer read in full: a listing page of 2,000 items is well under 2 MiB. */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** Largest image read in full: ARGOS accepts uploads up to 10 MiB (FOUND), with margin. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export type HttpOutcome =
  | { kind: 'ok'; status: number; body: unknown; bytes: Uint8Array; contentType: string }
  /** The server answered with an error: nothing was stored when status is 4xx (ASSUMED). */
  | {
      kind: 'refused';
      status: number;
      errorCode: string | null;
      message: string;
      retryAfterMs: number | null;
    }
  /** No trustworthy answer: the request may or may not have taken effect. */
  | { kind: 'unknown'; status: number | null; message: string; retryAfterMs: number | null };

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  timeoutMs: number;
  /** Expect raw bytes (image download) rather than JSON. */
  binary?: boolean;
}

export type FetchLike = typeof fetch;

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'timed out';
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}

export async function exchange(
  request: HttpRequest,
  fetchImpl: FetchLike = fetch,
  now: () => number = Date.now,
): Promise<HttpOutcome> {
  let response: Response;
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      // A 3xx comes back as itself: following it would hand the key to whoever it points at.
      redirect: 'manual',
    });
  } catch (error) {
    return { kind: 'unknown', status: null, message: describe(error), retryAfterMs: null };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => {});
    // Not an answer from central about the request: its effect stays UNKNOWN (a POST is
    // reconciled before it is sent again), and the station reports the misconfiguration.
    return {
      kind: 'unknown',
      status: response.status,
      message: `redirect refused: HTTP ${response.status} to ${redirectTarget(response, request.url)} (the station never follows redirects)`,
      retryAfterMs,
    };
  }
  let bytes: Uint8Array;
  const limit = request.binary ? MAX_IMAGE_BYTES : MAX_JSON_BYTES;
  try {
    // A body cut off mid-way rejects here (undici checks Content-Length), as does the timeout.
    bytes = await readCappedBody(response, limit);
  } catch (error) {
    const message =
      error instanceof BodyTooLarge
        ? `response body larger than ${limit} bytes refused`
        : describe(error);
    return { kind: 'unknown', status: response.status, message, retryAfterMs };
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status >= 500) {
    return {
      kind: 'unknown',
      status: response.status,
      message: `HTTP ${response.status}`,
      retryAfterMs,
    };
  }
  const isJson = contentType.includes('json');
  let body: unknown = null;
  if (isJson) {
    try {
      body = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    } catch {
      // A 200 whose JSON does not parse was still processed by the server: outcome unknown.
      if (response.ok) {
        return {
          kind: 'unknown',
          status: response.status,
          message: 'unparseable JSON',
          retryAfterMs,
        };
      }
      body = null;
    }
  }
  if (response.ok) {
    if (!request.binary && !isJson) {
      return { kind: 'unknown', status: response.status, message: 'expected JSON', retryAfterMs };
    }
    return { kind: 'ok', status: response.status, body, bytes, contentType };
  }
  const error = body as { errorCode?: unknown; message?: unknown } | null;
  return {
    kind: 'refused',
    status: response.status,
    errorCode: typeof error?.errorCode === 'string' ? error.errorCode : null,
    message: typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
    retryAfterMs,
  };
}

/** Where a redirect pointed, for the operator's log: only its origin (no query, no secrets). */
function redirectTarget(response: Response, requestUrl: string): string {
  const location = response.headers.get('location');
  if (location === null) return 'nowhere';
  try {
    return new URL(location, requestUrl).origin;
  } catch {
    return 'an invalid address';
  }
}

/** 408 and 429 say "not now", not "never"; everything else in 4xx is permanent for that request. */
export function isTransientRefusal(status: number): boolean {
  return status === 408 || status === 429;
}

/** Key or allowlist problems affect every request, not one item: pause, do not park. */
export function isAccessRefusal(status: number): boolean {
  return status === 401 || status === 403;
}
