// Refused and throttled sign-ins show the desk's own translated words, never main's text.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, type BridgeErrorCode } from '../../../src-shared/contract/envelope';
import { installBridge } from '../bridge/bridge-holder';
import { createStationClient } from '../bridge/client';
import { i18n, setLanguage } from '../i18n';
import { deskEn } from '../i18n/desk-en';
import { en } from '../i18n/en';
import { settingsEn } from '../i18n/settings-en';
import { useSessionStore } from './session';
import { installFakeStation, OFFLINE, ok, useTestingStores } from './testing/fake-station';

function answerSignIn(code: BridgeErrorCode): void {
  installBridge(
    createStationClient({
      kind: 'websocket',
      call: async () => failure(code, 'text from main'),
      subscribe: () => () => undefined,
    }),
  );
}

const SESSION = {
  operator: { operatorId: 'op-1', username: 'desk1', displayName: 'Dana', role: 'operator' },
  expiresAt: '2026-11-30T12:00:00.000Z',
};

describe('session store sign-in', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

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

  it('shows any other refusal as the plain sentence for its code, never main text', async () => {
    answerSignIn('internal');
    const session = useSessionStore();
    await session.signIn('someone', 'a password 12');
    expect(session.error).toBe(deskEn.problems.bridge.internal);
  });
});

describe('session store language', () => {
  beforeEach(() => {
    setActivePinia(useTestingStores());
    setLanguage('en');
  });

  it('shows the station default when signed out, and returns to it on sign-out', async () => {
    let signedIn = true;
    const calls: string[] = [];
    installBridge(
      createStationClient({
        kind: 'websocket',
        call: async (channel) => {
          calls.push(channel);
          if (channel === 'session:signOut') {
            signedIn = false;
            return { ok: true, value: {} };
          }
          return {
            ok: true,
            value: {
              session: signedIn ? SESSION : null,
              needsFirstAdmin: false,
              stationLanguage: 'ko',
            },
          };
        },
        subscribe: () => () => undefined,
      }),
    );
    const session = useSessionStore();
    await session.load();
    // Signed in: the operator's own language comes from settings:get, not from here.
    expect(i18n.global.locale.value).toBe('en');
    expect(session.stationLanguage).toBe('ko');
    await session.signOut();
    expect(i18n.global.locale.value).toBe('ko');
    expect(calls).toEqual(['session:current', 'session:signOut', 'session:current']);
  });
});

describe('session store, through the real client, when the station fails', () => {
  beforeEach(() => {
    setActivePinia(useTestingStores());
    setLanguage('en');
  });

  it('offline: signing in shows the plain sentence for an unreachable station, in Korean too', async () => {
    installFakeStation({ 'session:signIn': () => OFFLINE });
    const session = useSessionStore();
    await session.signIn('desk1', 'a password 12');
    expect(session.session).toBeNull();
    expect(session.error).toBe(deskEn.problems.bridge.unavailable);
    setLanguage('ko');
    await session.signIn('desk1', 'a password 12');
    expect(session.error).toMatch(/[가-힣]/);
  });

  it('a refused first admin shows the account rules, never the schema text', async () => {
    installFakeStation({
      'session:createFirstAdmin': () => failure('bad_request', 'password: Too small: >=12'),
    });
    const session = useSessionStore();
    session.needsFirstAdmin = true;
    await session.createFirstAdmin('admin', 'Admin', 'short');
    expect(session.error).toBe(settingsEn.accounts.rulesRefused);
    expect(session.needsFirstAdmin).toBe(true);
  });

  it('a refused sign-in never counts as a lost session', async () => {
    installFakeStation({ 'session:signIn': () => failure('unauthorized', 'no') });
    const session = useSessionStore();
    await session.signIn('desk1', 'wrong password');
    expect(session.forget).not.toHaveBeenCalled();
    expect(session.error).toBe(en.access.refused);
  });

  it('signs in and clears an earlier idle lock', async () => {
    installFakeStation({ 'session:signIn': () => ok(SESSION) });
    const session = useSessionStore();
    session.lockedForIdle = true;
    await session.signIn('desk1', 'a password 12');
    expect(session.session).toEqual(SESSION);
    expect([session.lockedForIdle, session.error]).toEqual([false, null]);
  });
});
