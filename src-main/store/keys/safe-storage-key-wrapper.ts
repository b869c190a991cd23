// Electron only, and imported only by the Electron main entry: wraps the data key with
// safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux). Takes the
// safeStorage object as an argument so that this file does not pull in Electron itself.
// https://www.electronjs.org/docs/latest/api/safe-storage
import { StoreError } from '../errors';
import type { KeyWrapper } from './key-wrapper';

/** The slice of Electron's `safeStorage` this wrapper uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, i.e. no real protection. */
  getSelectedStorageBackend?: () => string;
}

export function createSafeStorageKeyWrapper(safeStorage: SafeStorageLike): KeyWrapper {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new StoreError('internal', 'Electron safeStorage is not available on this system');
  }
  const backend =
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  const weak = backend === 'basic_text' || backend === 'unknown';
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
