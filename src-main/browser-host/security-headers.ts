// Headers for every page the browser host serves. The CSP matches the one Electron applies:
// scripts and styles only from the app itself, media from the camera, and the bridge socket on
// this very origin.
export function securityHeaders(origin: string): Record<string, string> {
  const socket = origin.replace(/^http/, 'ws');
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' blob: data:",
      "media-src 'self' blob: mediastream:",
      "font-src 'self'",
      `connect-src 'self' ${socket}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    'Cache-Control': 'no-store',
  };
}
