// How the browser host protects its keys at rest. Plain Node has no OS key store, so the operator
// must choose: a passphrase (FACEAUTH_KEY_PASSPHRASE, or typed at start on a terminal) that wraps
// the keys with scrypt, or, for development and tests only, --insecure-plaintext-key. Without
// either the host refuses to start and says how to proceed; it never falls back to plaintext.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { KeyWrapper } from '../store/keys/key-wrapper';
import { createPassphraseKeyWrapper } from '../store/keys/passphrase-key-wrapper';
import { createPlaintextKeyWrapper } from '../store/keys/plaintext-key-wrapper';

export const PASSPHRASE_ENV = 'FACEAUTH_KEY_PASSPHRASE';
export const INSECURE_FLAG = '--insecure-plaintext-key';

export const KEY_CHOICE_REQUIRED =
  'The browser host will not store the biometric data key unprotected by default. Choose one:\n' +
  `  - set ${PASSPHRASE_ENV} to a passphrase of 12 characters or more (or start it on a ` +
  'terminal and type one), which wraps the keys with scrypt; keep it: without it the stored ' +
  'templates cannot be read;\n' +
  `  - or, for development and tests only, start with ${INSECURE_FLAG} (the key is then a ` +
  'plaintext file next to the database).';

export class KeyChoiceError extends Error {
  override readonly name = 'KeyChoiceError';
}

export interface KeyChoiceInput {
  insecurePlaintextKey: boolean;
  env: NodeJS.ProcessEnv;
  /** Asks the operator on a terminal; absent when stdin is not a terminal. */
  prompt?: () => Promise<string>;
}

export async function chooseKeyWrapper(input: KeyChoiceInput): Promise<KeyWrapper> {
  const fromEnv = input.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '' && input.insecurePlaintextKey) {
    throw new KeyChoiceError(`Give either ${PASSPHRASE_ENV} or ${INSECURE_FLAG}, not both.`);
  }
  if (input.insecurePlaintextKey) return createPlaintextKeyWrapper();
  const passphrase = fromEnv !== undefined && fromEnv !== '' ? fromEnv : await input.prompt?.();
  if (passphrase === undefined || passphrase === '') throw new KeyChoiceError(KEY_CHOICE_REQUIRED);
  try {
    return createPassphraseKeyWrapper(passphrase);
  } catch (error) {
    throw new KeyChoiceError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads a passphrase from the terminal without echoing it. */
export function promptPassphrase(): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write('Key passphrase (input hidden): ');
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      rl.close();
      process.stderr.write('\n');
      resolve(line);
    });
    rl.once('close', () => resolve(''));
  });
}
