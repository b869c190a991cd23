// Refused and throttled sign-ins show the desk's own translated words, never main's text.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, type BridgeErrorCode } from '../../../src-shared/contract/envelope';
import { installBridge } from '../bridge/bridge-holder';
import { createStationClient } from '../bridge/client';
import { en } from '../i18n/en';
import { useSessionStore } from './session';

function answerSignIn(code: BridgeErrorCode): void {
  installBridge(
    createStationClient({
      kind: 'websocket',
      call: async () => failure(code, 'text from main'),
      subscribe: () => () => undefined,
    }),
  );
}

describe('session store sign-in', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it.each([
    ['unauthorized', en.access.refused],
    ['busy', en.access.throttled],
  ] as const)('shows %s as translated words', async (code, words) => {
    answerSignIn(code);
    const session = useSessionStore();
    await session.signIn('someone', 'a password 12');
    expect(session.error).toBe(words);
    expect(session.session).toBeNull();
  });
});
