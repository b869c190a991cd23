// Electron entry: a thin shell around the same services the browser host runs.
import { app, BrowserWindow, dialog, Menu, safeStorage } from 'electron';
import { join } from 'node:path';
import { loadStationConfig } from '../host/config';
import { createLogger } from '../host/logger';
import { createStationServices } from '../host/services';
import {
  createSafeStorageKeyWrapper,
  INSECURE_PLAINTEXT_KEY_FLAG,
} from '../store/keys/safe-storage-key-wrapper';
import { APP_ORIGIN } from './app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { forwardEventsTo, registerIpcBridge } from './ipc-bridge';
import { shellPolicy } from './shell-policy';
import { hardenAllWebContents } from './window-hardening';

const logger = createLogger('electron');
// Packaged builds load only station://app, with no DevTools and no menu (shell-policy.ts).
const policy = shellPolicy(app.isPackaged, process.env);
const devServerUrl = policy.devServerUrl;

if (!app.requestSingleInstanceLock()) {
  // One station per machine: a second launch focuses the first window instead.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // A refused start (safeStorage's basic_text backend without the explicit flag, a plaintext
      // FACEAUTH_CENTRAL_URL, …) ends with its reason rather than a half-started station.
      const message = error instanceof Error ? error.message : String(error);
      logger.error('station.startFailed', { message });
      process.stderr.write(`FaceAuth Station failed to start: ${message}\n`);
      dialog.showErrorBox('FaceAuth Station cannot start', message);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  if (!policy.defaultMenu) Menu.setApplicationMenu(null);
  hardenAllWebContents(devServerUrl, policy.devTools);
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const services = await createStationServices({
    host: 'electron',
    version: app.getVersion(),
    config: loadStationConfig(process.env, join(app.getPath('userData'), 'station')),
    logger,
    // The biometric data key is wrapped by the OS key store (Keychain, DPAPI, libsecret); Linux's
    // basic_text fallback is refused unless the operator passes the explicit flag.
    keyWrapper: createSafeStorageKeyWrapper(safeStorage, {
      allowInsecureBackend: process.argv.includes(INSECURE_PLAINTEXT_KEY_FLAG),
    }),
    // Bundled worker entries, emitted beside index.js by electron.vite.config.ts.
    storeWorkerPath: join(import.meta.dirname, 'store-worker.js'),
    engineWorkerPath: join(import.meta.dirname, 'engine-worker.js'),
  });
  const signedIn = registerIpcBridge(services.dispatch, devServerUrl, logger);
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'FaceAuth Station',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: policy.devTools,
    },
  });
  forwardEventsTo(window.webContents, services.hub, signedIn);
  window.once('ready-to-show', () => window.show());
  app.once('before-quit', () => void services.close());
  await window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}
