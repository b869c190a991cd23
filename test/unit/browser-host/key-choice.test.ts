// The browser host's key choice: a passphrase (environment or terminal) or the explicit
// development flag; never a silent plaintext default, never both at once.
import { describe, expect, it } from 'vitest';
import {
  chooseKeyWrapper,
  KeyChoiceError,
  PASSPHRASE_ENV,
} from '../../../src-main/browser-host/key-choice';

describe('browser host key choice', () => {
  it('refuses to choose for the operator', async () => {
    await expect(chooseKeyWrapper({ insecurePlaintextKey: false, env: {} })).rejects.toThrow(
      KeyChoiceError,
    );
    await expect(
      chooseKeyWrapper({ insecurePlaintextKey: false, env: {}, prompt: async () => '' }),
    ).rejects.toThrow(/--insecure-plaintext-key/);
  });

  it('takes the passphrase from the environment or the terminal', async () => {
    const fromEnv = await chooseKeyWrapper({
      insecurePlaintextKey: false,
      env: { [PASSPHRASE_ENV]: 'twelve chars or more' },
    });
    expect(fromEnv.protection).toBe('passphrase');
    const typed = await chooseKeyWrapper({
      insecurePlaintextKey: false,
      env: {},
      prompt: async () => 'typed at the desk, long enough',
    });
    expect(typed.protection).toBe('passphrase');
  });

  it('gives plaintext only to the explicit flag, and refuses a short passphrase or both', async () => {
    const flagged = await chooseKeyWrapper({ insecurePlaintextKey: true, env: {} });
    expect(flagged).toMatchObject({ protection: 'plaintext', warning: /PLAINTEXT/ });
    await expect(
      chooseKeyWrapper({ insecurePlaintextKey: false, env: { [PASSPHRASE_ENV]: 'short' } }),
    ).rejects.toThrow(/at least 12/);
    await expect(
      chooseKeyWrapper({
        insecurePlaintextKey: true,
        env: { [PASSPHRASE_ENV]: 'twelve chars or more' },
      }),
    ).rejects.toThrow(/not both/);
  });
});
