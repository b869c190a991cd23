// The one Content-Security-Policy for the renderer, whichever host serves it: scripts and styles
// only from the app itself, pictures from blobs (images main sends back), media from the camera,
// and connections to the app's own origin plus whatever bridge the host adds. The renderer's
// index.html carries the same rules in a meta tag as a second line of defence.
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
