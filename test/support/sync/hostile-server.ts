// A real HTTP server on 127.0.0.1 (port 0) that plays a hostile or broken central API: each
// test gives it a handler, and it records every request it received (method, path, API key) so
// an attack test can assert what reached it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  apiKey: string | null;
  /** The request body as text (multipart and JSON bodies are what the attacks look for). */
  body: string;
}

export type HostileHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export class HostileServer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly seen: SeenRequest[],
  ) {}

  static async start(handler: HostileHandler): Promise<HostileServer> {
    const seen: SeenRequest[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const key = req.headers['x-api-key'];
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          apiKey: typeof key === 'string' ? key : null,
          body: Buffer.concat(chunks).toString('latin1'),
        });
        handler(req, res, url);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new HostileServer(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      seen,
    );
  }

  /** Requests that carried an API key (the secret an attacker wants). */
  keyed(): SeenRequest[] {
    return this.seen.filter((request) => request.apiKey !== null);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
