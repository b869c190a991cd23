// The renderer is served from a privileged custom scheme rather than file://, so "the app's own
// origin" is one exact string that navigation, permission and IPC checks can compare against.
// https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
export const APP_SCHEME = 'station';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes report origin "null"; rebuild it from scheme and host.
    return parsed.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/** True when url belongs to the app: the packaged scheme, or the dev server in development. */
export function isAppUrl(url: string, devServerUrl: string | null): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;
  return devServerUrl !== null && origin === originOf(devServerUrl);
}
