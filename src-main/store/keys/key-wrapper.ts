// The data key that encrypts biometrics is random and is only ever stored wrapped. How it is
// wrapped depends on the host: Electron's safeStorage (OS keychain / DPAPI / libsecret) or, in a
// plain Node host, nothing at all, which the station must say loudly.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DATA_KEY_BYTES } from '../crypto/biometric-cipher';
import { StoreError } from '../errors';

export interface KeyWrapper {
  /** 'os-protected' when the OS guards the key; 'plaintext' when anyone reading the file has it. */
  readonly protection: 'os-protected' | 'plaintext';
  /** Shown to the operator and logged at start-up when protection is not 'os-protected'. */
  readonly warning: string | null;
  wrap(dataKey: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

export interface LoadedDataKey {
  dataKey: Buffer;
  protection: KeyWrapper['protection'];
  warning: string | null;
  created: boolean;
}

const FILE_MAGIC = 'faceauth-station-data-key/v1\n';

/**
 * Reads the wrapped key from `keyFile`, or creates one (0600, written atomically) on first start.
 * A key file that exists but cannot be unwrapped is an error, never a reason to make a new key:
 * a new key would make every stored template unreadable.
 */
export function loadOrCreateDataKey(keyFile: string, wrapper: KeyWrapper): LoadedDataKey {
  if (existsSync(keyFile)) {
    const content = readFileSync(keyFile);
    const magic = Buffer.from(FILE_MAGIC, 'utf8');
    if (!content.subarray(0, magic.length).equals(magic)) {
      throw new StoreError('db_unreadable', `${keyFile} is not a station data-key file`);
    }
    const dataKey = wrapper.unwrap(content.subarray(magic.length));
    if (dataKey.length !== DATA_KEY_BYTES) {
      throw new StoreError('db_unreadable', `${keyFile} holds a key of the wrong length`);
    }
    return { dataKey, protection: wrapper.protection, warning: wrapper.warning, created: false };
  }
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const temp = `${keyFile}.tmp-${process.pid}`;
  writeFileSync(temp, Buffer.concat([Buffer.from(FILE_MAGIC, 'utf8'), wrapper.wrap(dataKey)]), {
    mode: 0o600,
    flag: 'wx',
  });
  chmodSync(temp, 0o600);
  renameSync(temp, keyFile);
  return { dataKey, protection: wrapper.protection, warning: wrapper.warning, created: true };
}
