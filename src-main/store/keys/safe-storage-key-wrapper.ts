// Electron only, and imported only by the Electron main entry: wraps the data key with
// safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux). Takes the
// safeStorage object as an argument so that this file does not pull in Electron itself.
// https://www.electronjs.org/docs/latest/api/safe-storage
import { StoreError } from '../../database/errors';
import type { KeyWrapper } from './key-wrapper';

/** The slice of Electron's `safeStorage` this wrapper uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, i.e. no real protection. */
  getSelectedStorageBackend?: () => string;
}

export const INSECURE_PLAINTEXT_KEY_FLAG = '--insecure-plaintext-key';

export interface SafeStorageOptions {
  /** Only from the explicit --insecure-plaintext-key flag (development and tests). */
  allowInsecureBackend: boolean;
  platform?: NodeJS.Platform;
}

export function createSafeStorageKeyWrapper(
  safeStorage: SafeStorageLike,
  options: SafeStorageOptions = { allowInsecureBackend: false },
): KeyWrapper {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new StoreError('internal', 'Electron safeStorage is not available on this system');
  }
  const platform = options.platform ?? process.platform;
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  const weak = backend === 'basic_text' || backend === 'unknown';
  // basic_text encrypts with a password hard-coded in Chromium: the key would be as good as
  // plaintext, so the station refuses it unless the operator asked for that in so many words.
  if (weak && !options.allowInsecureBackend) {
    throw new StoreError(
      'db_unreadable',
      `Electron safeStorage uses the '${backend ?? 'unknown'}' backend on this system, which does ` +
        'not protect the biometric data key. Install and unlock a Secret Service (GNOME Keyring, ' +
        `KWallet) and start again, or, for development only, start with ${INSECURE_PLAINTEXT_KEY_FLAG}.`,
    );
  }
  return {
    protection: weak ? 'plaintext' : 'os-protected',
    warning: weak
      ? `WARNING: Electron safeStorage uses the '${backend}' backend on this system, which does not ` +
        'protect the biometric data key. Install and unlock a Secret Service (GNOME Keyring, KWallet).'
      : null,
    wrap: (dataKey) => safeStorage.encryptString(dataKey.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
