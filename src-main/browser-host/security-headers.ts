// Headers for every page the browser host serves: the renderer's CSP, with the bridge socket on
// this very origin as the one extra connection.
import { contentSecurityPolicy } from '../host/content-security-policy';

export function securityHeaders(origin: string): Record<string, string> {
  const socket = origin.replace(/^http/, 'ws');
  return {
    'Content-Security-Policy': contentSecurityPolicy([socket]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    'Cache-Control': 'no-store',
  };
}
