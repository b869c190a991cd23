// Serves the built renderer on station://app with the CSP header, refusing paths outside it.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { join, normalize, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { ELECTRON_CSP } from './content-security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative =
      url.pathname === '/'
        ? 'index.html'
        : normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const fullPath = join(root, relative);
    if (url.host !== APP_HOST || !fullPath.startsWith(root + sep)) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(fullPath).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', ELECTRON_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
