// Electron's side of the bridge: one ipcMain handler per contract channel, each checking that
// the sender is the app's own main frame before the dispatcher validates the payload.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { METHOD_CHANNELS } from '../../src-shared/contract/channels';
import { failure } from '../../src-shared/contract/envelope';
import type { Dispatch } from '../bridge/dispatcher';
import type { EventHub } from '../bridge/event-hub';
import { newConnection, type ConnectionState } from '../bridge/handlers';
import type { Logger } from '../host/logger';
import { isAppUrl } from './app-origin';

/** Registers the handlers; returns whether a window (by web contents id) has a signed-in
 *  operator, which decides whether push events reach it. */
export function registerIpcBridge(
  dispatch: Dispatch,
  devServerUrl: string | null,
  logger: Logger,
): (contentsId: number) => boolean {
  // One connection state per window, forgotten when the window goes.
  const connections = new Map<number, ConnectionState>();
  const connectionOf = (event: IpcMainInvokeEvent): ConnectionState => {
    const senderId = event.sender.id;
    let connection = connections.get(senderId);
    if (!connection) {
      connection = newConnection();
      connections.set(senderId, connection);
      event.sender.once('destroyed', () => connections.delete(senderId));
    }
    return connection;
  };
  for (const channel of METHOD_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        logger.warn('bridge.untrusted_sender', { channel, url: event.senderFrame?.url ?? null });
        return failure('forbidden', 'Only the station window may call the bridge');
      }
      return dispatch(channel, payload, { transport: 'ipc', connection: connectionOf(event) });
    });
  }
  return (contentsId) => (connections.get(contentsId)?.sessionToken ?? null) !== null;
}

function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | null): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url, devServerUrl);
}

/** Pushes events to a window only while an operator is signed in there, as the methods do. */
export function forwardEventsTo(
  contents: WebContents,
  hub: EventHub,
  signedIn: (contentsId: number) => boolean,
): () => void {
  return hub.addSink((channel, payload) => {
    if (!contents.isDestroyed() && signedIn(contents.id)) contents.send(channel, payload);
  });
}
