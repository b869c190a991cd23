// The one Content-Security-Policy for the renderer, whichever host serves it: scripts and styles
// only from the app itself, pictures from blobs (images main sends back), media from the camera,
// and connections to the app's own origin plus whatever bridge the host adds. The renderer's
// index.html carries the same rules in a meta tag as a second line of defence; a test checks
// that tag equals metaContentSecurityPolicy(), so the two cannot drift apart.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  'connect-src',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

/** Browsers ignore these in a meta tag; only a response header can carry them. */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The browser host's WebSocket bridge, on whichever loopback port it got. */
export const META_CONNECT_SOURCES = ['ws://127.0.0.1:*', 'ws://localhost:*'];

function render(extraConnectSources: readonly string[], keep: (name: string) => boolean): string {
  return DIRECTIVES.filter((directive) => keep(directive.split(' ')[0] ?? ''))
    .map((directive) =>
      directive === 'connect-src'
        ? ["connect-src 'self'", ...extraConnectSources].join(' ')
        : directive,
    )
    .join('; ');
}

export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return render(extraConnectSources, () => true);
}

/** What src-renderer/index.html's meta tag must say. */
export function metaContentSecurityPolicy(): string {
  return render(META_CONNECT_SOURCES, (name) => !HEADER_ONLY.has(name));
}
