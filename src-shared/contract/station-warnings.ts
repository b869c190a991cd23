// Station warnings main sends as text (logs keep it in English); the console recognises the known
// ones and shows them translated, so an operator never reads an English banner on a Korean desk.
export const PLAINTEXT_KEY_WARNING =
  'WARNING: biometric data key is stored in PLAINTEXT (a 0600 file next to the database). ' +
  'Anyone who can read that file can decrypt stored face templates and images. ' +
  '(--insecure-plaintext-key is for development and tests: for production use set ' +
  'FACEAUTH_KEY_PASSPHRASE or run the Electron build with OS-protected key storage.)';

/** i18n keys for the warnings the console knows; any other warning is shown as sent. */
export const WARNING_KEYS: Readonly<Record<string, string>> = {
  [PLAINTEXT_KEY_WARNING]: 'warnings.plaintextKey',
};
