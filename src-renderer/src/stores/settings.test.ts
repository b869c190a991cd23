import { setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../src-shared/contract/settings';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { i18n } from '../i18n';
import { useSessionStore } from './session';
import { useSettingsStore } from './settings';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const view: SettingsView = {
  stationId: 'station-1',
  stationName: 'Desk',
  language: 'en',
  stationLanguage: 'en',
  central: {
    baseUrl: null,
    faceAuthKey: { set: false, lastFour: null },
    idCheckKey: { set: false, lastFour: null },
    demo: true,
  },
  policy: {
    faceSimilarity_threshold: 85,
    occluded_threshold: false,
    faceCover_threshold: 0,
    headCover_threshold: 0,
    liveness_threshold: 0,
  },
  retention: { capturedImageDays: 30, purgeImageAfterSync: true, templateDays: 90 },
};

describe('settings store', () => {
  beforeEach(() => {
    setActivePinia(useTestingStores());
    // setLanguage also marks <html lang>; this suite runs in Node, without a DOM.
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a load answered after a language change does not switch the language back', async () => {
    let answerLoad: (v: SettingsView) => void = () => undefined;
    installBridge({
      client: {
        settings: {
          get: () => new Promise<SettingsView>((resolve) => (answerLoad = resolve)),
          update: async () => ({ ...view, language: 'ko' }),
        },
      },
    } as unknown as StationBridge);
    const store = useSettingsStore();
    const loading = store.load(); // sent on mount, answered late with the old language
    await store.chooseLanguage('ko');
    answerLoad(view);
    await loading;
    expect(store.view?.language).toBe('ko');
    expect(i18n.global.locale.value).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('a section sends only its own change, and nothing at all when nothing changed', async () => {
    const sent: unknown[] = [];
    installBridge({
      client: {
        settings: {
          update: async (change: unknown) => {
            sent.push(change);
            return { ...view, retention: { ...view.retention, templateDays: 60 } };
          },
        },
      },
    } as unknown as StationBridge);
    const store = useSettingsStore();
    expect(await store.saveSection('retention', {})).toBe(true);
    expect(sent).toEqual([]);
    expect(await store.saveSection('retention', { retention: { templateDays: 60 } })).toBe(true);
    expect(sent).toEqual([{ retention: { templateDays: 60 } }]);
    expect(store.savedSection).toBe('retention');
    expect(store.view?.retention.templateDays).toBe(60);
  });

  it('keeps the station default that sign-out returns to in step with what main answers', async () => {
    installBridge({
      client: { settings: { get: async () => ({ ...view, stationLanguage: 'ko' }) } },
    } as unknown as StationBridge);
    await useSettingsStore().load();
    expect(useSessionStore().stationLanguage).toBe('ko');
    expect(i18n.global.locale.value).toBe('en');
  });

  it('a refused save keeps a plain problem with its code, in its section, and rolls back the language', async () => {
    installBridge({
      client: {
        settings: {
          get: async () => view,
          update: async () => {
            throw new BridgeError(
              'bad_request',
              'retention.templateDays: Too big: expected <=1095',
            );
          },
        },
      },
    } as unknown as StationBridge);
    const store = useSettingsStore();
    await store.load();
    expect(await store.chooseLanguage('ko')).toBe(false);
    expect(store.problem).toEqual({
      section: 'language',
      error: { key: 'problems.bridge.bad_request', code: 'bad_request' },
    });
    expect(JSON.stringify(store.problem)).not.toMatch(/Too big/);
    expect(store.savedSection).toBeNull();
    expect(i18n.global.locale.value).toBe('en');
    expect(store.busySection).toBeNull();
  });
});

describe('settings store, through the real client, when the station fails', () => {
  beforeEach(() => {
    setActivePinia(useTestingStores());
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offline: loading says so instead of leaving a blank screen, and a later load clears it', async () => {
    let offline = true;
    installFakeStation({ 'settings:get': () => (offline ? OFFLINE : ok(view)) });
    const store = useSettingsStore();
    await expect(store.load()).resolves.toBeUndefined();
    expect(store.view).toBeNull();
    expect(store.loadProblem).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(i18n.global.t(store.loadProblem!.key)).toMatch(/Try again/);
    offline = false;
    await store.load();
    expect([store.view, store.loadProblem]).toEqual([view, null]);
  });

  it('offline: a save stays in its section as a problem, and nothing is marked saved', async () => {
    installFakeStation({ 'settings:get': () => ok(view), 'settings:update': () => OFFLINE });
    const store = useSettingsStore();
    await store.load();
    expect(await store.saveSection('retention', { retention: { templateDays: 60 } })).toBe(false);
    expect(store.problem?.section).toBe('retention');
    expect(store.problem?.error.code).toBe('unavailable');
    expect(store.view?.retention.templateDays).toBe(90);
    expect(store.savedSection).toBeNull();
  });

  it('unauthorized: the desk returns to sign-in, in the station language', async () => {
    installFakeStation({
      'settings:get': () => ok({ ...view, stationLanguage: 'ko' }),
      'settings:update': () => UNAUTHORIZED,
    });
    const store = useSettingsStore();
    await store.load();
    signInAs('admin');
    expect(await store.chooseLanguage('ko')).toBe(false);
    const session = useSessionStore();
    expect(session.session).toBeNull();
    expect(session.forget).toHaveBeenCalledTimes(1);
    expect(i18n.global.locale.value).toBe('ko');
  });
});
