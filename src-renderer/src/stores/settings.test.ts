import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../src-shared/contract/settings';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { i18n } from '../i18n';
import { useSessionStore } from './session';
import { useSettingsStore } from './settings';

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
    setActivePinia(createPinia());
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
