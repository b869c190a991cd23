// What each kind of answer tells the station about the server's state: only an answer is
// proof; resets, timeouts, 5xx and cut-off bodies are UNKNOWN. Real sockets on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, MAX_IMAGE_BYTES, MAX_JSON_BYTES } from '../../../src-main/sync/argos-http';

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  const s = server;
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

const get = (url: string, timeoutMs = 500) =>
  exchange({ method: 'GET', url, headers: {}, timeoutMs });

describe('exchange', () => {
  it('ok for a JSON 200', async () => {
    const url = await serve((_q, r) =>
      r.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
    );
    // The file's first request sets up the HTTP client: on a loaded machine that alone can
    // take longer than the short timeout the fault cases use.
    expect(await get(url, 5000)).toMatchObject({ kind: 'ok', status: 200, body: { a: 1 } });
  });

  it('refused with the ARGOS error code for a 4xx, with Retry-After for a 429', async () => {
    const url = await serve((q, r) => {
      const status = q.url === '/429' ? 429 : 400;
      r.writeHead(status, { 'content-type': 'application/json', 'retry-after': '2' }).end(
        JSON.stringify({ errorCode: 'invalid_submission_status', message: 'm', traceId: 't' }),
      );
    });
    expect(await get(url)).toMatchObject({
      kind: 'refused',
      status: 400,
      errorCode: 'invalid_submission_status',
    });
    expect(await get(`${url}429`)).toMatchObject({
      kind: 'refused',
      status: 429,
      retryAfterMs: 2000,
    });
  });

  it('unknown for a 503, a reset, a timeout and a truncated body', async () => {
    const url = await serve((q, r) => {
      if (q.url === '/503') return void r.writeHead(503).end();
      if (q.url === '/reset') return void q.socket.destroy();
      if (q.url === '/slow') return void setTimeout(() => r.writeHead(200).end('{}'), 1000);
      r.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
      r.write('{"authentication_id":', () => r.socket?.destroy());
    });
    for (const path of ['503', 'reset', 'slow', 'cut']) {
      expect((await get(`${url}${path}`, 200)).kind, path).toBe('unknown');
    }
  });

  it('never follows a redirect: a 3xx is an unknown outcome naming only the target origin', async () => {
    let followed = 0;
    const url = await serve((q, r) => {
      if (q.url === '/target') return void ((followed += 1), r.writeHead(200).end('{}'));
      r.writeHead(Number(q.url?.slice(1)), { location: `/target?secret=1` }).end();
    });
    for (const status of [301, 302, 303, 307, 308]) {
      const outcome = await get(`${url}${status}`);
      expect(outcome).toMatchObject({ kind: 'unknown', status });
      expect(outcome.kind === 'unknown' && outcome.message).toMatch(/^redirect refused/);
      expect(outcome.kind === 'unknown' && outcome.message).not.toContain('secret');
    }
    expect(followed).toBe(0);
  });

  it('refuses a body past its cap, by Content-Length or as it streams', async () => {
    const big = Buffer.alloc(MAX_JSON_BYTES + 1, 0x20);
    const url = await serve((q, r) => {
      if (q.url === '/declared') {
        r.writeHead(200, { 'content-type': 'application/json', 'content-length': big.length });
        return void r.end(big);
      }
      if (q.url === '/image') {
        r.writeHead(200, { 'content-type': 'image/jpeg' });
        return void r.end(Buffer.alloc(MAX_IMAGE_BYTES + 1));
      }
      r.writeHead(200, { 'content-type': 'application/json' });
      r.end(big);
    });
    for (const path of ['declared', 'streamed']) {
      const outcome = await get(`${url}${path}`, 5000);
      expect(outcome.kind === 'unknown' && outcome.message, path).toMatch(/larger than/);
    }
    const image = await exchange({
      method: 'GET',
      url: `${url}image`,
      headers: {},
      timeoutMs: 5000,
      binary: true,
    });
    expect(image.kind === 'unknown' && image.message).toMatch(/larger than 15728640 bytes/);
  });
});
