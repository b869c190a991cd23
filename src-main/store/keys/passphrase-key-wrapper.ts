// For the browser host (plain Node has no OS key store): the key is wrapped with AES-256-GCM
// under a key-encryption key stretched from the operator's passphrase with scrypt, a memory-hard
// KDF (RFC 7914). Parameters follow OWASP's password storage cheat sheet (N=2^17, r=8, p=1) and
// are stored in the file, so that they can be raised later without breaking old files.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { StoreError } from '../../database/errors';
import type { KeyWrapper } from './key-wrapper';

export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
/** Bounds on parameters read from a file, so that a forged file cannot ask for gigabytes. */
const MAX_COST: ScryptCost = { log2N: 20, r: 16, p: 4 };
const MIN_PASSPHRASE_LENGTH = 12;

const FORMAT = Buffer.from('scrypt-aes256gcm/v1\n', 'utf8');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = FORMAT.length + 3 + SALT_BYTES + IV_BYTES + TAG_BYTES;

function deriveKek(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // Off the event loop: node runs scrypt on the libuv thread pool.
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export function checkPassphraseStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new StoreError(
      'invalid_input',
      `The key passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
  }
}

export function createPassphraseKeyWrapper(
  passphrase: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): KeyWrapper {
  checkPassphraseStrength(passphrase);
  // One salt per wrapper and a cache of derived KEKs, so that the data key and the audit key made
  // or read on the same start cost one scrypt run, not two (each run is seconds by design).
  const salt = randomBytes(SALT_BYTES);
  const keks = new Map<string, Promise<Buffer>>();
  const kekFor = (forSalt: Buffer, forCost: ScryptCost): Promise<Buffer> => {
    const id = `${forSalt.toString('hex')}:${forCost.log2N}:${forCost.r}:${forCost.p}`;
    let kek = keks.get(id);
    if (kek === undefined) {
      kek = deriveKek(passphrase, forSalt, forCost);
      keks.set(id, kek);
    }
    return kek;
  };
  return {
    protection: 'passphrase',
    warning: null,
    async wrap(key) {
      const iv = randomBytes(IV_BYTES);
      const kek = await kekFor(salt, cost);
      const cipher = createCipheriv('aes-256-gcm', kek, iv);
      cipher.setAAD(FORMAT);
      const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
      return Buffer.concat([
        FORMAT,
        Buffer.from([cost.log2N, cost.r, cost.p]),
        salt,
        iv,
        cipher.getAuthTag(),
        sealed,
      ]);
    },
    async unwrap(wrapped) {
      if (wrapped.length <= HEADER_BYTES || !wrapped.subarray(0, FORMAT.length).equals(FORMAT)) {
        throw new StoreError(
          'db_unreadable',
          'The key file is not passphrase-protected (it was made with another key protection).',
        );
      }
      let at = FORMAT.length;
      const stored: ScryptCost = {
        log2N: wrapped[at] ?? 0,
        r: wrapped[at + 1] ?? 0,
        p: wrapped[at + 2] ?? 0,
      };
      at += 3;
      if (
        stored.log2N < 10 ||
        stored.log2N > MAX_COST.log2N ||
        stored.r < 1 ||
        stored.r > MAX_COST.r ||
        stored.p < 1 ||
        stored.p > MAX_COST.p
      ) {
        throw new StoreError(
          'db_unreadable',
          'The key file asks for scrypt parameters out of range.',
        );
      }
      const fileSalt = Buffer.from(wrapped.subarray(at, (at += SALT_BYTES)));
      const iv = wrapped.subarray(at, (at += IV_BYTES));
      const tag = wrapped.subarray(at, (at += TAG_BYTES));
      const kek = await kekFor(fileSalt, stored);
      const decipher = createDecipheriv('aes-256-gcm', kek, iv);
      decipher.setAAD(FORMAT);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(wrapped.subarray(at)), decipher.final()]);
      } catch {
        throw new StoreError(
          'db_unreadable',
          'The key passphrase is wrong: it does not unlock the station key file.',
        );
      }
    },
  };
}
