// The station status through the real typed client: it loads and follows main's events; an
// offline station or a refused call shows as a plain, translated problem in the status bar
// (never main's English text), and `unauthorized` returns the desk to sign-in.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StationStatus } from '../../../src-shared/contract/station';
import { failure } from '../../../src-shared/contract/envelope';
import { i18n, setLanguage } from '../i18n';
import { useSessionStore } from './session';
import { useStationStore } from './station';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const STATUS: StationStatus = {
  version: '1.0.0',
  host: 'electron',
  backend: null,
  engine: 'loading',
  network: { online: false, reason: 'No central API is configured', checkedAt: null },
  framesAnalyzed: 0,
  stationId: 'station-1',
  demo: false,
  warnings: [],
};

describe('station store', () => {
  beforeEach(() => {
    setActivePinia(useTestingStores());
    setLanguage('en');
  });

  it('loads the status and follows pushed changes', async () => {
    const station = installFakeStation({ 'station:status': () => ok(STATUS) });
    const store = useStationStore();
    await store.connect();
    expect(store.status).toEqual(STATUS);
    station.emit('station:statusChanged', { ...STATUS, engine: 'ready', backend: 'wasm' });
    expect(store.status?.backend).toBe('wasm');
  });

  it('forgets the status and stops following changes on disconnect', async () => {
    const station = installFakeStation({ 'station:status': () => ok(STATUS) });
    const store = useStationStore();
    await store.connect();
    store.disconnect();
    expect(store.status).toBeNull();
    station.emit('station:statusChanged', { ...STATUS, engine: 'ready', backend: 'wasm' });
    expect(store.status).toBeNull();
    expect(station.listeners('station:statusChanged')).toBe(0);
  });

  // Before this, the bar showed main's English sentence ("The station is not connected") even
  // on a Korean desk.
  it('offline: shows the translated sentence for the code, in English and Korean', async () => {
    installFakeStation({ 'station:status': () => OFFLINE });
    const store = useStationStore();
    await expect(store.connect()).resolves.toBeUndefined();
    expect(store.status).toBeNull();
    expect(store.error).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(i18n.global.t(store.error!.key)).not.toMatch(/not connected/);
    setLanguage('ko');
    expect(i18n.global.t(store.error!.key)).toMatch(/[가-힣]/);
  });

  it('a refused call shows its code, and a later good answer clears it', async () => {
    let refuse = true;
    installFakeStation({
      'station:status': () =>
        refuse ? failure('internal', 'TypeError: x is undefined') : ok(STATUS),
    });
    const store = useStationStore();
    await store.connect();
    expect(store.error).toEqual({ key: 'problems.bridge.internal', code: 'internal' });
    refuse = false;
    await store.connect();
    expect([store.status, store.error]).toEqual([STATUS, null]);
  });

  it('unauthorized: the desk returns to sign-in', async () => {
    installFakeStation({ 'station:status': () => UNAUTHORIZED });
    signInAs('supervisor');
    const store = useStationStore();
    await store.connect();
    expect(useSessionStore().session).toBeNull();
    expect(store.status).toBeNull();
    expect(store.error?.code).toBe('unauthorized');
  });
});
