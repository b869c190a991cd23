// Only on the operator's explicit request (--insecure-plaintext-key, development and tests): the
// key files (mode 0600) hold the keys as they are. Anyone who can read them can decrypt the
// biometrics and forge audit entries, so the wrapper carries a warning that the station must
// show and log at every start.
import { PLAINTEXT_KEY_WARNING } from '../../../src-shared/contract/station-warnings';
import type { KeyWrapper } from './key-wrapper';

export { PLAINTEXT_KEY_WARNING };

export function createPlaintextKeyWrapper(): KeyWrapper {
  return {
    protection: 'plaintext',
    warning: PLAINTEXT_KEY_WARNING,
    wrap: (dataKey) => Buffer.from(dataKey),
    unwrap: (wrapped) => Buffer.from(wrapped),
  };
}
