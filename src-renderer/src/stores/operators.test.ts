// Creating an account through the real typed client: a refusal shows the desk's own sentence
// (the rules), with the code beside it, never main's or zod's text; success reloads the list.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodChannel } from '../../../src-shared/contract/channels';
import { failure, type Envelope } from '../../../src-shared/contract/envelope';
import { installBridge } from '../bridge/bridge-holder';
import { createStationClient } from '../bridge/client';
import { settingsEn } from '../i18n/settings-en';
import { settingsKo } from '../i18n/settings-ko';
import { useOperatorsStore } from './operators';
import { useSessionStore } from './session';
import {
  installFakeStation,
  OFFLINE,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const NEW = {
  username: 'nia',
  displayName: 'Nia',
  role: 'operator',
  password: 'long password 1',
} as const;
const LISTED = {
  operatorId: 'op-2',
  username: 'nia',
  displayName: 'Nia',
  role: 'operator',
  locked: false,
  lockedUntil: null,
  disabled: false,
  lastSignInAt: null,
};

function install(answer: (channel: MethodChannel) => Envelope<unknown>): MethodChannel[] {
  const calls: MethodChannel[] = [];
  installBridge(
    createStationClient({
      kind: 'websocket',
      call: async (channel) => {
        calls.push(channel);
        return answer(channel);
      },
      subscribe: () => () => undefined,
    }),
  );
  return calls;
}

describe('operators store', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('creates, then reloads the list', async () => {
    const calls = install((channel) =>
      channel === 'operators:list'
        ? { ok: true, value: { operators: [LISTED] } }
        : { ok: true, value: LISTED },
    );
    const accounts = useOperatorsStore();
    expect(await accounts.create({ ...NEW })).toBe(true);
    expect(calls).toEqual(['operators:create', 'operators:list']);
    expect(accounts.operators).toEqual([LISTED]);
    expect(accounts.problem).toBeNull();
  });

  it('keeps a refusal as the rules sentence with its code, not main text', async () => {
    install(() => failure('bad_request', 'username: Too small: expected string to have >=3'));
    const accounts = useOperatorsStore();
    expect(await accounts.create({ ...NEW })).toBe(false);
    expect(accounts.problem).toEqual({ key: 'accounts.rulesRefused', code: 'bad_request' });
    expect(settingsEn.accounts.rulesRefused).not.toMatch(/expected/);
    expect(settingsKo.accounts.rulesRefused).toMatch(/[가-힣]/);
  });

  it('any other failure shows the plain sentence for its code', async () => {
    install(() => failure('forbidden', 'requires the admin role'));
    const accounts = useOperatorsStore();
    expect(await accounts.create({ ...NEW })).toBe(false);
    expect(accounts.problem).toEqual({ key: 'problems.bridge.forbidden', code: 'forbidden' });
  });
});

describe('operators store when the station fails', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('offline: creating says the station is not reachable, and the list is not reloaded', async () => {
    const station = installFakeStation({ 'operators:create': () => OFFLINE });
    const accounts = useOperatorsStore();
    expect(await accounts.create({ ...NEW })).toBe(false);
    expect(accounts.problem).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(station.channels()).toEqual(['operators:create']);
    expect(accounts.load).not.toHaveBeenCalled();
  });

  it('unauthorized: the desk returns to sign-in and nothing is listed', async () => {
    installFakeStation({ 'operators:create': () => UNAUTHORIZED });
    signInAs('admin');
    const accounts = useOperatorsStore();
    expect(await accounts.create({ ...NEW })).toBe(false);
    expect(useSessionStore().session).toBeNull();
    expect(accounts.operators).toEqual([]);
    expect(accounts.problem?.code).toBe('unauthorized');
  });
});
