// AES-256-GCM for templates, thumbnails and captured images at rest. Each value gets a fresh
// 96-bit IV (NIST SP 800-38D), and the additional data binds the ciphertext to its row and
// column, so a blob copied onto another submission fails to decrypt instead of verifying.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DATA_KEY_BYTES } from '../data-key-size';
import { StoreError } from '../errors';

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BiometricCipher {
  encrypt(plain: Uint8Array, context: string): Buffer;
  decrypt(sealed: Uint8Array, context: string): Buffer;
}

/**
 * Random IVs drawn from the CSPRNG in 64 KiB blocks: one randomBytes call per IV costs more than
 * the encryption of a template itself. Every IV is still used exactly once.
 */
function createIvSource(): () => Buffer {
  const BLOCK = IV_BYTES * 5461;
  let pool = randomBytes(BLOCK);
  let offset = 0;
  return () => {
    if (offset + IV_BYTES > pool.length) {
      pool = randomBytes(BLOCK);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_BYTES);
    offset += IV_BYTES;
    return iv;
  };
}

export function createBiometricCipher(dataKey: Uint8Array): BiometricCipher {
  if (dataKey.byteLength !== DATA_KEY_BYTES) {
    throw new StoreError('invalid_input', `data key must be ${DATA_KEY_BYTES} bytes`);
  }
  // Copied so that the caller may wipe its buffer without breaking the store.
  const key = Buffer.from(dataKey);
  const nextIv = createIvSource();
  return {
    encrypt(plain, context) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      // One allocation for version | iv | tag | ciphertext (GCM ciphertext has the plaintext's length).
      const header = 1 + IV_BYTES + TAG_BYTES;
      const out = Buffer.allocUnsafe(header + plain.byteLength);
      out[0] = FORMAT_VERSION;
      iv.copy(out, 1);
      const body = cipher.update(plain);
      const tail = cipher.final();
      if (body.length + tail.length !== plain.byteLength) throw new Error('GCM length mismatch');
      body.copy(out, header);
      tail.copy(out, header + body.length);
      cipher.getAuthTag().copy(out, 1 + IV_BYTES);
      return out;
    },
    decrypt(sealed, context) {
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (bytes.byteLength < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_VERSION) {
        throw new StoreError('internal', 'encrypted value has an unknown format');
      }
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([
          decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new StoreError(
          'internal',
          'encrypted value failed authentication (wrong key or tampered)',
        );
      }
    },
  };
}

/** AAD contexts, one per column, so ciphertexts cannot be swapped between columns or rows. */
export const cipherContext = {
  templates: (submissionId: string) => `submission-templates:${submissionId}`,
  thumbnail: (submissionId: string) => `submission-thumbnail:${submissionId}`,
  capturedImage: (authenticationId: string) => `result-image:${authenticationId}`,
};
