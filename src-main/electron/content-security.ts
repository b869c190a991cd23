// The CSP the Electron shell enforces on every response of the app scheme: the bridge is IPC,
// so nothing beyond the app's own origin may be connected to.
import { contentSecurityPolicy } from '../host/content-security-policy';

export const ELECTRON_CSP = contentSecurityPolicy();
