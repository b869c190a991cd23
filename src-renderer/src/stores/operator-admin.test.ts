// The admin store through the real typed client over a recording transport: each action calls
// its own channel and reloads the accounts; a refusal keeps its code (shown translated); and an
// `unauthorized` answer signs the desk out, as main.ts wires it.
import { createPinia, setActivePinia } from 'pinia';
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
  beforeEach(() => setActivePinia(createPinia()));

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
