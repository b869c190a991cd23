// For the Node / browser host, where no OS key store is reachable: the key file (mode 0600)
// holds the data key as is. Anyone who can read that file can decrypt the biometrics, so the
// wrapper carries a warning that the station must show and log at every start.
import type { KeyWrapper } from './key-wrapper';

export const PLAINTEXT_KEY_WARNING =
  'WARNING: biometric data key is stored in PLAINTEXT (a 0600 file next to the database). ' +
  'Anyone who can read that file can decrypt stored face templates and images. ' +
  'Run the Electron build (OS-protected key storage) for production use.';

export function createPlaintextKeyWrapper(): KeyWrapper {
  return {
    protection: 'plaintext',
    warning: PLAINTEXT_KEY_WARNING,
    wrap: (dataKey) => Buffer.from(dataKey),
    unwrap: (wrapped) => Buffer.from(wrapped),
  };
}
