// The biometric data key: random, stored only wrapped, file mode 0600, and a loud warning when
// the wrapper cannot protect it. AES-256-GCM round trips and rejects tampering.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cipherContext,
  createBiometricCipher,
} from '../../../src-main/store/crypto/biometric-cipher';
import { loadOrCreateDataKey } from '../../../src-main/store/keys/key-wrapper';
import {
  createPlaintextKeyWrapper,
  PLAINTEXT_KEY_WARNING,
} from '../../../src-main/store/keys/plaintext-key-wrapper';
import {
  createSafeStorageKeyWrapper,
  type SafeStorageLike,
} from '../../../src-main/store/keys/safe-storage-key-wrapper';
import { makeTempDir } from '../../support/store/context';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function tempFile(name: string): string {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  return join(dir, name);
}

/** Stands in for Electron's safeStorage: reversible, and visibly not the plaintext. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`os-sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed) =>
      Buffer.from(sealed.toString().replace('os-sealed:', ''), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('data key', () => {
  it('creates a random 32-byte key in a 0600 file and reads the same key back', () => {
    const file = tempFile('data-key.bin');
    const first = loadOrCreateDataKey(file, createPlaintextKeyWrapper());
    expect(first.created).toBe(true);
    expect(first.dataKey).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateDataKey(file, createPlaintextKeyWrapper());
    expect(again.created).toBe(false);
    expect(again.dataKey.equals(first.dataKey)).toBe(true);
  });

  it('says loudly that the Node host stores the key in plaintext', () => {
    const loaded = loadOrCreateDataKey(tempFile('k'), createPlaintextKeyWrapper());
    expect(loaded.protection).toBe('plaintext');
    expect(loaded.warning).toBe(PLAINTEXT_KEY_WARNING);
    expect(loaded.warning).toMatch(/PLAINTEXT/);
  });

  it('keeps only the safeStorage-wrapped key on disk under Electron', () => {
    const file = tempFile('k');
    const loaded = loadOrCreateDataKey(file, createSafeStorageKeyWrapper(fakeSafeStorage()));
    expect(loaded).toMatchObject({ protection: 'os-protected', warning: null });
    const onDisk = readFileSync(file);
    expect(onDisk.includes(loaded.dataKey)).toBe(false);
    expect(onDisk.includes(Buffer.from(loaded.dataKey.toString('base64')))).toBe(false);
    expect(
      loadOrCreateDataKey(file, createSafeStorageKeyWrapper(fakeSafeStorage())).dataKey.equals(
        loaded.dataKey,
      ),
    ).toBe(true);
  });

  it("treats Linux safeStorage's basic_text backend as plaintext and warns", () => {
    const wrapper = createSafeStorageKeyWrapper(fakeSafeStorage('basic_text'));
    expect(wrapper.protection).toBe(process.platform === 'linux' ? 'plaintext' : 'os-protected');
    if (process.platform === 'linux') expect(wrapper.warning).toMatch(/basic_text/);
  });

  it('refuses a key file it does not recognise instead of making a new key', () => {
    const file = tempFile('k');
    writeFileSync(file, 'something else');
    expect(() => loadOrCreateDataKey(file, createPlaintextKeyWrapper())).toThrow(
      /not a station data-key file/,
    );
    expect(readFileSync(file, 'utf8')).toBe('something else');
  });
});

describe('AES-256-GCM cipher', () => {
  const cipher = createBiometricCipher(Buffer.alloc(32, 7));

  it('round-trips with a fresh IV each time', () => {
    const plain = Buffer.from('template bytes');
    const a = cipher.encrypt(plain, cipherContext.templates('s1'));
    const b = cipher.encrypt(plain, cipherContext.templates('s1'));
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a, cipherContext.templates('s1')).equals(plain)).toBe(true);
  });

  it('rejects a flipped bit, another context, or another key', () => {
    const sealed = cipher.encrypt(Buffer.from('template bytes'), cipherContext.templates('s1'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(flipped, cipherContext.templates('s1'))).toThrow(
      /failed authentication/,
    );
    expect(() => cipher.decrypt(sealed, cipherContext.thumbnail('s1'))).toThrow(
      /failed authentication/,
    );
    expect(() =>
      createBiometricCipher(Buffer.alloc(32, 8)).decrypt(sealed, cipherContext.templates('s1')),
    ).toThrow(/failed authentication/);
  });
});
