// The status bar's sync figures through the real typed client: the status loads and follows
// main's events; an offline station, a refused call or an answer outside the contract shows as a
// plain, translated problem (never main's text, never a rejection); `unauthorized` signs out.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-shared/contract/sync';
import { failure } from '../../../src-shared/contract/envelope';
import { i18n, setLanguage } from '../i18n';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const STATUS: SyncStatus = {
  configured: true,
  online: true,
  queue: { pending: 3, parked: 0 },
  lastSuccessAt: '2026-11-30T05:00:00.000Z',
  lastError: null,
  cache: { submissions: 120, freshAt: '2026-11-30T04:00:00.000Z' },
  disagreements: 0,
  pull: null,
};

describe('sync store', () => {
  beforeEach(() => {
    setActivePinia(useTestingStores());
    setLanguage('en');
  });

  it('loads the status, then follows what main pushes', async () => {
    const station = installFakeStation({ 'sync:status': () => ok(STATUS) });
    const sync = useSyncStore();
    await sync.connect();
    expect(sync.status).toEqual(STATUS);
    station.emit('sync:statusChanged', { ...STATUS, queue: { pending: 0, parked: 1 } });
    expect(sync.status?.queue).toEqual({ pending: 0, parked: 1 });
    expect(sync.problem).toBeNull();
  });

  it('subscribes once however often it connects, and stops following on disconnect', async () => {
    const station = installFakeStation({ 'sync:status': () => ok(STATUS) });
    const sync = useSyncStore();
    await sync.connect();
    await sync.connect();
    expect(station.listeners('sync:statusChanged')).toBe(1);
    sync.disconnect();
    expect(station.listeners('sync:statusChanged')).toBe(0);
    station.emit('sync:statusChanged', { ...STATUS, queue: { pending: 9, parked: 0 } });
    expect(sync.status?.queue.pending).toBe(3);
  });

  it('ignores a pushed status outside the contract', async () => {
    const station = installFakeStation({ 'sync:status': () => ok(STATUS) });
    const sync = useSyncStore();
    await sync.connect();
    station.emit('sync:statusChanged', { ...STATUS, queue: { pending: -1, parked: 0 } });
    expect(sync.status).toEqual(STATUS);
  });

  it('runs now and shows the status main answers', async () => {
    const station = installFakeStation({
      'sync:runNow': () => ok({ ...STATUS, queue: { pending: 0, parked: 0 } }),
    });
    const sync = useSyncStore();
    await sync.runNow();
    expect(station.channels()).toEqual(['sync:runNow']);
    expect(sync.status?.queue.pending).toBe(0);
  });

  it('offline: the bar says the station is not reachable yet, in the desk language', async () => {
    installFakeStation({ 'sync:status': () => OFFLINE });
    const sync = useSyncStore();
    await expect(sync.connect()).resolves.toBeUndefined();
    expect(sync.status).toBeNull();
    expect(sync.problem).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(i18n.global.t(sync.problem!.key)).toMatch(/still starting/);
    setLanguage('ko');
    expect(i18n.global.t(sync.problem!.key)).toMatch(/[가-힣]/);
  });

  it('a failed run keeps the last status on screen beside the problem, without main text', async () => {
    let running = false;
    installFakeStation({
      'sync:status': () => ok(STATUS),
      'sync:runNow': () => (running ? failure('busy', 'push lane is full') : OFFLINE),
    });
    const sync = useSyncStore();
    await sync.connect();
    await sync.runNow();
    expect(sync.status).toEqual(STATUS);
    expect(sync.problem?.code).toBe('unavailable');
    running = true;
    await sync.runNow();
    expect(sync.problem).toEqual({ key: 'problems.bridge.busy', code: 'busy' });
    expect(i18n.global.t(sync.problem!.key)).not.toMatch(/push lane/);
  });

  it('an answer outside the contract is a plain problem, not a crash', async () => {
    installFakeStation({ 'sync:status': () => ok({ online: 'yes' }) });
    const sync = useSyncStore();
    await sync.connect();
    expect(sync.status).toBeNull();
    expect(sync.problem).toEqual({ key: 'problems.bridge.unknown', code: 'internal' });
  });

  it('unauthorized: the desk returns to sign-in and the bar shows no sync figures', async () => {
    installFakeStation({ 'sync:status': () => UNAUTHORIZED });
    signInAs('operator');
    const sync = useSyncStore();
    await sync.connect();
    expect(useSessionStore().session).toBeNull();
    expect(useSessionStore().forget).toHaveBeenCalledTimes(1);
    expect(sync.status).toBeNull();
    expect(sync.problem?.code).toBe('unauthorized');
  });

  it('a later good status clears the problem', async () => {
    const station = installFakeStation({ 'sync:status': () => OFFLINE });
    const sync = useSyncStore();
    await sync.connect();
    station.emit('sync:statusChanged', STATUS);
    expect([sync.status, sync.problem]).toEqual([STATUS, null]);
  });
});
