// For the Node / browser host, where no OS key store is reachable: the key file (mode 0600)
// holds the data key as is. Anyone who can read that file can decrypt the biometrics, so the
// wrapper carries a warning that the station must show and log at every start.
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
