// The admin store through the real typed client over a recording transport: each action calls
// its own channel and reloads the accounts; a refusal keeps its code (shown translated); and an
// `unauthorized` answer signs the desk out, as main.ts wires it.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodChannel } from '../../../src-shared/contract/channels';
import { failure, type Envelope } from '../../../src-shared/contract/envelope';
import { installBridge } from '../bridge/bridge-holder';
import { createStationClient } from '../bridge/client';
import type { BridgeTransport } from '../bridge/transport';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { useOperatorAdminStore } from './operator-admin';
import { useSessionStore } from './session';
import { useOperatorsStore } from './operators';
import { installFakeStation, OFFLINE, ok, useTestingStores } from './testing/fake-station';

const OLGA = {
  operatorId: 'op-1',
  username: 'olga',
  displayName: 'Olga',
  role: 'operator',
  locked: false,
  lockedUntil: null,
  disabled: true,
  lastSignInAt: null,
};

function install(answer: (channel: MethodChannel) => Envelope<unknown>): MethodChannel[] {
  const calls: MethodChannel[] = [];
  const transport: BridgeTransport = {
    kind: 'websocket',
    call: async (channel) => {
      calls.push(channel);
      return answer(channel);
    },
    subscribe: () => () => undefined,
  };
  installBridge(
    createStationClient(transport, { onSessionLost: () => useSessionStore().forget() }),
  );
  return calls;
}

describe('operator admin store', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('disables through its own channel, then reloads the accounts', async () => {
    const calls = install((channel) =>
      channel === 'operators:list'
        ? { ok: true, value: { operators: [OLGA] } }
        : { ok: true, value: {} },
    );
    const admin = useOperatorAdminStore();
    expect(await admin.act('op-1', 'disable')).toBe(true);
    expect(calls).toEqual(['operators:disable', 'operators:list']);
    expect(admin.done).toBe('disable');
    expect(admin.errorCode).toBeNull();
  });

  it('keeps a refusal as a code that both languages translate', async () => {
    install(() => failure('bad_request', 'password must have at least 12 characters'));
    const admin = useOperatorAdminStore();
    expect(await admin.resetPassword('op-1', 'short')).toBe(false);
    expect(admin.errorCode).toBe('bad_request');
    expect(en.operatorAdmin.errors.bad_request).toMatch(/12/);
    expect(ko.operatorAdmin.errors.bad_request).toMatch(/12/);
  });

  it('returns the desk to the sign-in screen when a call answers unauthorized', async () => {
    install(() => failure('unauthorized', 'session expired or unknown'));
    const session = useSessionStore();
    session.session = {
      operator: { operatorId: 'a', username: 'admin', displayName: 'A', role: 'admin' },
      expiresAt: '2026-11-30T12:00:00.000Z',
    };
    expect(await useOperatorAdminStore().erasePerson('SUB-1')).toBe(false);
    expect(session.session).toBeNull();
  });
});

describe('operator admin store when the station fails', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('offline: the action fails with a code both languages translate, and no reload is asked', async () => {
    installFakeStation({ 'operators:unlock': () => OFFLINE });
    const admin = useOperatorAdminStore();
    expect(await admin.act('op-1', 'unlock')).toBe(false);
    expect([admin.errorCode, admin.lastAction, admin.done]).toEqual([
      'unavailable',
      'unlock',
      null,
    ]);
    expect(useOperatorsStore().load).not.toHaveBeenCalled();
    expect(en.operatorAdmin.errors.unavailable).toBeTruthy();
    expect(ko.operatorAdmin.errors.unavailable).toMatch(/[가-힣]/);
  });

  it('a refused cache age keeps the age that was shown', async () => {
    installFakeStation({
      'settings:cacheAge': () => ok({ maxCacheAgeDays: 30 }),
      'settings:setCacheAge': () => failure('forbidden', 'requires the admin role'),
    });
    const admin = useOperatorAdminStore();
    await admin.loadCacheAge();
    expect(await admin.setCacheAge(7)).toBe(false);
    expect(admin.maxCacheAgeDays).toBe(30);
    expect(admin.errorCode).toBe('forbidden');
  });
});
