// The browser host's HTTP side: the built renderer, read-only, on 127.0.0.1 only.
import { createServer, type Server } from 'node:http';
import { readStaticFile } from './static-files';
import { securityHeaders } from './security-headers';

export interface HttpServerOptions {
  rendererDir: string;
  /** Host header values accepted; anything else is a DNS-rebinding attempt and gets 421. */
  allowedHosts: () => string[];
  origin: () => string;
}

export function createRendererServer(options: HttpServerOptions): Server {
  return createServer((request, response) => {
    void (async () => {
      if (!options.allowedHosts().includes(request.headers.host ?? '')) {
        response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const file = await readStaticFile(options.rendererDir, path);
      if (file === null) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        ...securityHeaders(options.origin()),
        'Content-Type': file.contentType,
        'Content-Length': file.body.length,
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })();
  });
}
