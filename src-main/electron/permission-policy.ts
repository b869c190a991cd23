// Which permission requests the station grants: only the camera, and only to the app's own
// origin. Everything else (microphone, notifications, geolocation, …) is denied.
import { isAppUrl } from './app-origin';

export interface PermissionQuery {
  permission: string;
  requestingUrl: string;
  /** For 'media': the kinds asked for. Audio is never needed. */
  mediaTypes?: readonly string[];
}

export function isPermissionGranted(query: PermissionQuery, devServerUrl: string | null): boolean {
  if (!isAppUrl(query.requestingUrl, devServerUrl)) return false;
  if (query.permission !== 'media') return false;
  const kinds = query.mediaTypes ?? [];
  return kinds.length > 0 && kinds.every((kind) => kind === 'video');
}
