import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../src-shared/contract/settings';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { i18n } from '../i18n';
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
    await store.update({ language: 'ko' });
    answerLoad(view);
    await loading;
    expect(store.view?.language).toBe('ko');
    expect(i18n.global.locale.value).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
  });
});
