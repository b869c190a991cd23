// Picks the transport: the preload's object inside Electron, otherwise the browser host's
// WebSocket with the per-run token handed over in the page address's fragment.
import { createIpcTransport } from './ipc-transport';
import { createWebSocketTransport } from './ws-transport';
import { createStationClient, type StationClientOptions } from './client';
import type { BridgeTransport } from './transport';

const TOKEN_KEY = 'faceauth-station.token';

export class MissingTokenError extends Error {}

function takeToken(): string | null {
  const match = /(?:^#|&)token=([0-9a-f]{64})/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Keep the secret out of the address bar, history and screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function connectToStation(options: StationClientOptions = {}): ReturnType<
  typeof createStationClient
> & {
  transport: BridgeTransport;
} {
  let transport: BridgeTransport;
  if (window.faceauthStation) {
    transport = createIpcTransport(window.faceauthStation);
  } else {
    const token = takeToken();
    if (token === null)
      throw new MissingTokenError(
        'Open the address printed by `npm run start:browser`; it carries the station token.',
      );
    transport = createWebSocketTransport(window.location.origin, token);
  }
  return { ...createStationClient(transport, options), transport };
}
