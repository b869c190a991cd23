// The keys that protect the station at rest (the data key that encrypts biometrics, the MAC key
// that seals the audit chain) are random and only ever stored wrapped. How they are wrapped
// depends on the host: Electron's safeStorage (OS keychain / DPAPI / libsecret), a passphrase
// stretched with scrypt, or, only on explicit request, nothing at all.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DATA_KEY_BYTES } from '../../database/data-key-size';
import { StoreError } from '../../database/errors';

export interface KeyWrapper {
  /** 'os-protected' / 'passphrase' guard the key; 'plaintext': anyone reading the file has it. */
  readonly protection: 'os-protected' | 'passphrase' | 'plaintext';
  /** Shown to the operator and logged at start-up when the key is not protected. */
  readonly warning: string | null;
  wrap(key: Buffer): Buffer | Promise<Buffer>;
  unwrap(wrapped: Buffer): Buffer | Promise<Buffer>;
}

export interface LoadedKey {
  key: Buffer;
  protection: KeyWrapper['protection'];
  warning: string | null;
  created: boolean;
}

/** Which key a file holds; the magic line keeps one from being read as the other. */
export type KeyKind = 'data' | 'audit';

const FILE_MAGIC: Record<KeyKind, string> = {
  data: 'faceauth-station-data-key/v1\n',
  audit: 'faceauth-station-audit-key/v1\n',
};

/** A key file that exists is read; it is never replaced, whatever it holds. */
export async function readKeyFile(
  keyFile: string,
  wrapper: KeyWrapper,
  kind: KeyKind,
): Promise<LoadedKey> {
  const content = readFileSync(keyFile);
  const magic = Buffer.from(FILE_MAGIC[kind], 'utf8');
  if (!content.subarray(0, magic.length).equals(magic)) {
    throw new StoreError('db_unreadable', `${keyFile} is not a station ${kind}-key file`);
  }
  // Re-tightened at every start: a copy restored from a backup may have come back world-readable.
  chmodSync(keyFile, 0o600);
  const key = await wrapper.unwrap(content.subarray(magic.length));
  if (key.length !== DATA_KEY_BYTES) {
    throw new StoreError('db_unreadable', `${keyFile} holds a key of the wrong length`);
  }
  return { key, protection: wrapper.protection, warning: wrapper.warning, created: false };
}

/** Makes a new random key and writes it wrapped, 0600, atomically; refuses to overwrite. */
export async function createKeyFile(
  keyFile: string,
  wrapper: KeyWrapper,
  kind: KeyKind,
): Promise<LoadedKey> {
  const key = randomBytes(DATA_KEY_BYTES);
  const wrapped = await wrapper.wrap(key);
  const temp = `${keyFile}.tmp-${process.pid}`;
  writeFileSync(temp, Buffer.concat([Buffer.from(FILE_MAGIC[kind], 'utf8'), wrapped]), {
    mode: 0o600,
    flag: 'wx',
  });
  chmodSync(temp, 0o600);
  if (existsSync(keyFile)) throw new StoreError('conflict', `${keyFile} appeared while starting`);
  renameSync(temp, keyFile);
  return { key, protection: wrapper.protection, warning: wrapper.warning, created: true };
}

/**
 * Reads the wrapped data key from `keyFile`, or creates one on first start. A key file that
 * exists but cannot be unwrapped is an error, never a reason to make a new key: a new key would
 * make every stored template unreadable. (station-store.ts also refuses to create one when a
 * database already exists.)
 */
export async function loadOrCreateDataKey(
  keyFile: string,
  wrapper: KeyWrapper,
): Promise<LoadedKey> {
  return existsSync(keyFile)
    ? readKeyFile(keyFile, wrapper, 'data')
    : createKeyFile(keyFile, wrapper, 'data');
}
