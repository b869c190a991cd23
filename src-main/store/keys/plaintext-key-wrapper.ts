// Only on the operator's explicit request (--insecure-plaintext-key, development and tests): the
// key files (mode 0600) hold the keys as they are. Anyone who can read them can decrypt the
// biometrics and forge audit entries, so the wrapper carries a warning that the station must
// show and log at every start.
import type { KeyWrapper } from './key-wrapper';

export const PLAINTEXT_KEY_WARNING =
  'WARNING: biometric data key is stored in PLAINTEXT (a 0600 file next to the database). ' +
  'Anyone who can read that file can decrypt stored face templates and images. ' +
  '(--insecure-plaintext-key is for development and tests: for production use set ' +
  'FACEAUTH_KEY_PASSPHRASE or run the Electron build with OS-protected key storage.)';

export function createPlaintextKeyWrapper(): KeyWrapper {
  return {
    protection: 'plaintext',
    warning: PLAINTEXT_KEY_WARNING,
    wrap: (dataKey) => Buffer.from(dataKey),
    unwrap: (wrapped) => Buffer.from(wrapped),
  };
}
