// Proves at start-up that the keys handed to the store are the ones this database was written
// with. Each key has a check value in the database (HMAC of a fixed label under the key; it
// reveals nothing about the key). A database from before check values is proven by decrypting one
// of its encrypted values. A wrong or missing key is reported, never replaced: the caller opens
// the store read-only (safe mode) with the message.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { cipherContext, type BiometricCipher } from '../../database/crypto/biometric-cipher';
import type { ReadableDb, WritableDb } from '../../database/db/sql';
import {
  findKeyCheck,
  insertKeyCheck,
  sampleEncryptedImage,
  sampleEncryptedTemplate,
  type StationKeyName,
} from '../../database/queries/key-checks';

export function keyCheckValue(key: Uint8Array, name: StationKeyName): Buffer {
  return createHmac('sha256', key).update(`faceauth-station/key-check/v1\n${name}`).digest();
}

export type KeyVerdict = 'matches' | 'unrecorded' | 'mismatch';

export function compareKeyCheck(db: ReadableDb, name: StationKeyName, key: Uint8Array): KeyVerdict {
  const stored = findKeyCheck(db, name);
  if (stored === undefined) return 'unrecorded';
  const expected = keyCheckValue(key, name);
  return stored.length === expected.length && timingSafeEqual(stored, expected)
    ? 'matches'
    : 'mismatch';
}

export function recordKeyCheck(
  db: WritableDb,
  name: StationKeyName,
  key: Uint8Array,
  now: number,
): void {
  insertKeyCheck(db, name, keyCheckValue(key, name), now);
}

/** For a database written before check values: does the key open what is already encrypted? */
export function dataKeyOpensStoredValues(db: ReadableDb, cipher: BiometricCipher): boolean {
  try {
    const template = sampleEncryptedTemplate(db);
    if (template !== undefined) {
      cipher.decrypt(template.templates_enc, cipherContext.templates(template.submission_id));
    }
    const image = sampleEncryptedImage(db);
    if (image !== undefined) {
      cipher.decrypt(
        image.captured_image_enc,
        cipherContext.capturedImage(image.authentication_id),
      );
    }
    return true;
  } catch {
    return false;
  }
}

export const keyProblemMessages = {
  dataKeyMissing: (dbPath: string) =>
    `The biometric data key file is missing, but the database ${dbPath} already exists. The ` +
    'station is in READ-ONLY SAFE MODE and did not make a new key (a new key would make every ' +
    'stored template unreadable). Restore data-key.bin from the backup of this station.',
  dataKeyWrong: (dbPath: string) =>
    `The biometric data key does not belong to the database ${dbPath} (wrong or swapped key ` +
    'file). The station is in READ-ONLY SAFE MODE. Restore the data-key.bin that belongs to ' +
    'this database.',
  auditKeyWrong: (dbPath: string) =>
    `The audit key does not belong to the database ${dbPath} (the key file was lost, swapped, or ` +
    'the database was altered). The station is in READ-ONLY SAFE MODE. Restore audit-key.bin ' +
    'from the backup of this station.',
};
