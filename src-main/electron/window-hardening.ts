// Locks down every web contents the app creates: no new windows, no navigation away, no
// webviews, no DevTools when packaged, and only the permissions permission-policy.ts grants.
// https://www.electronjs.org/docs/latest/tutorial/security
import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isPermissionGranted } from './permission-policy';

export function hardenAllWebContents(devServerUrl: string | null, devTools: boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      isPermissionGranted(
        { permission, requestingUrl: details.requestingUrl, mediaTypes },
        devServerUrl,
      ),
    );
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) => {
      const mediaType = 'mediaType' in details ? details.mediaType : undefined;
      return isPermissionGranted(
        { permission, requestingUrl: requestingOrigin, mediaTypes: mediaType ? [mediaType] : [] },
        devServerUrl,
      );
    },
  );
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, devServerUrl, devTools),
  );
}

function hardenWebContents(
  contents: WebContents,
  devServerUrl: string | null,
  devTools: boolean,
): void {
  // webPreferences.devTools is off in packaged windows; this also closes DevTools opened by any
  // other path (a web contents created without those preferences).
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
