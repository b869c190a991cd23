// The biometric data key: random, stored only wrapped, file mode 0600, and a loud warning when
// the wrapper cannot protect it. AES-256-GCM round trips and rejects tampering.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cipherContext,
  createBiometricCipher,
} from '../../../src-main/database/crypto/biometric-cipher';
import { loadOrCreateDataKey } from '../../../src-main/store/keys/key-wrapper';
import {
  createPlaintextKeyWrapper,
  PLAINTEXT_KEY_WARNING,
} from '../../../src-main/store/keys/plaintext-key-wrapper';
import {
  createSafeStorageKeyWrapper,
  type SafeStorageLike,
} from '../../../src-main/store/keys/safe-storage-key-wrapper';
import { createPassphraseKeyWrapper } from '../../../src-main/store/keys/passphrase-key-wrapper';
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
  it('creates a random 32-byte key in a 0600 file and reads the same key back', async () => {
    const file = tempFile('data-key.bin');
    const first = await loadOrCreateDataKey(file, createPlaintextKeyWrapper());
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateDataKey(file, createPlaintextKeyWrapper());
    expect(again.created).toBe(false);
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('says loudly that the Node host stores the key in plaintext', async () => {
    const loaded = await loadOrCreateDataKey(tempFile('k'), createPlaintextKeyWrapper());
    expect(loaded.protection).toBe('plaintext');
    expect(loaded.warning).toBe(PLAINTEXT_KEY_WARNING);
    expect(loaded.warning).toMatch(/PLAINTEXT/);
  });

  it('keeps only the safeStorage-wrapped key on disk under Electron', async () => {
    const file = tempFile('k');
    const loaded = await loadOrCreateDataKey(file, createSafeStorageKeyWrapper(fakeSafeStorage()));
    expect(loaded).toMatchObject({ protection: 'os-protected', warning: null });
    const onDisk = readFileSync(file);
    expect(onDisk.includes(loaded.key)).toBe(false);
    expect(onDisk.includes(Buffer.from(loaded.key.toString('base64')))).toBe(false);
    const again = await loadOrCreateDataKey(file, createSafeStorageKeyWrapper(fakeSafeStorage()));
    expect(again.key.equals(loaded.key)).toBe(true);
  });

  // Issue 11 changed this: basic_text used to be accepted with a warning; it is now refused
  // unless the operator starts with --insecure-plaintext-key.
  it("refuses Linux safeStorage's basic_text backend unless the insecure flag is given", () => {
    expect(() =>
      createSafeStorageKeyWrapper(fakeSafeStorage('basic_text'), {
        allowInsecureBackend: false,
        platform: 'linux',
      }),
    ).toThrow(/basic_text[\s\S]*--insecure-plaintext-key/);
    const wrapper = createSafeStorageKeyWrapper(fakeSafeStorage('basic_text'), {
      allowInsecureBackend: true,
      platform: 'linux',
    });
    expect(wrapper.protection).toBe('plaintext');
    expect(wrapper.warning).toMatch(/basic_text/);
    const keychain = createSafeStorageKeyWrapper(fakeSafeStorage('gnome_libsecret'), {
      allowInsecureBackend: false,
      platform: 'linux',
    });
    expect(keychain.protection).toBe('os-protected');
  });

  it('refuses a key file it does not recognise instead of making a new key', async () => {
    const file = tempFile('k');
    writeFileSync(file, 'something else');
    await expect(loadOrCreateDataKey(file, createPlaintextKeyWrapper())).rejects.toThrow(
      /not a station data-key file/,
    );
    expect(readFileSync(file, 'utf8')).toBe('something else');
  });
});

describe('passphrase-wrapped key (browser host)', () => {
  it('keeps only scrypt-wrapped bytes on disk and needs the same passphrase back', async () => {
    const file = tempFile('data-key.bin');
    const wrapper = createPassphraseKeyWrapper('correct horse battery staple');
    expect(wrapper).toMatchObject({ protection: 'passphrase', warning: null });
    const loaded = await loadOrCreateDataKey(file, wrapper);
    expect(readFileSync(file).includes(loaded.key)).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('scrypt-aes256gcm/v1'))).toBe(true);
    const again = await loadOrCreateDataKey(
      file,
      createPassphraseKeyWrapper('correct horse battery staple'),
    );
    expect(again.key.equals(loaded.key)).toBe(true);
    await expect(
      loadOrCreateDataKey(file, createPassphraseKeyWrapper('wrong horse battery staple')),
    ).rejects.toMatchObject({ code: 'db_unreadable', message: /passphrase is wrong/ });
    await expect(loadOrCreateDataKey(file, createPlaintextKeyWrapper())).rejects.toThrow(
      /wrong length/,
    );
  });

  it('refuses short passphrases and forged scrypt parameters', async () => {
    expect(() => createPassphraseKeyWrapper('short')).toThrow(/at least 12/);
    const wrapper = createPassphraseKeyWrapper('a long enough passphrase', {
      log2N: 10,
      r: 8,
      p: 1,
    });
    const wrapped = await wrapper.wrap(Buffer.alloc(32, 1));
    const forged = Buffer.from(wrapped);
    forged[20] = 30; // log2N = 30: 128 GiB of memory if obeyed
    await expect(wrapper.unwrap(forged)).rejects.toThrow(/out of range/);
    expect((await wrapper.unwrap(wrapped)).equals(Buffer.alloc(32, 1))).toBe(true);
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
