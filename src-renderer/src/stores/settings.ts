// Settings as main reports them (keys masked), each section's save, and engine diagnostics
// (admins). A section sends only what changed in it; failures are kept as plain, translated
// problems with the code beside them, never main's text.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  EngineDiagnosticsView,
  Language,
  SettingsUpdate,
  SettingsView,
} from '../../../src-shared/contract/settings';
import { useBridge } from '../bridge/bridge-holder';
import { setLanguage } from '../i18n';
import { isSessionLost } from './errors';
import { useSessionStore } from './session';
import { plainError, type PlainError } from '../i18n/plain-error';

export type SettingsSection =
  'language' | 'station' | 'central' | 'retention' | 'policy' | 'stationLanguage';

export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null);
  const diagnostics = ref<EngineDiagnosticsView | null>(null);
  /** The section whose last save succeeded, for its "Saved." note. */
  const savedSection = ref<SettingsSection | null>(null);
  const busySection = ref<SettingsSection | null>(null);
  const problem = ref<{ section: SettingsSection; error: PlainError } | null>(null);
  /** Why the settings could not be loaded (offline, refused): the screen says so instead of
   *  staying blank. */
  const loadProblem = ref<PlainError | null>(null);

  // Bumped by every update: a load that was sent before an update answers with the settings as
  // they were, and must not overwrite the update's answer (the screen loads on mount, and a
  // desk may pick a language before that answer arrives).
  let generation = 0;

  /** Shows the operator's language, and keeps the station default the sign-out returns to
   *  current (an admin may have just changed it). */
  function apply(loaded: SettingsView): void {
    view.value = loaded;
    setLanguage(loaded.language);
    useSessionStore().stationLanguage = loaded.stationLanguage;
  }

  async function load(): Promise<void> {
    const sentAt = generation;
    try {
      const loaded = await useBridge().client.settings.get({});
      if (sentAt !== generation) return;
      loadProblem.value = null;
      apply(loaded);
    } catch (cause) {
      if (sentAt === generation) loadProblem.value = plainError(cause);
    }
  }

  async function loadDiagnostics(): Promise<void> {
    diagnostics.value = await useBridge().client.engine.diagnostics({});
  }

  /** Saves one section's changes; true when main accepted them. An empty change sends nothing. */
  async function saveSection(section: SettingsSection, change: SettingsUpdate): Promise<boolean> {
    if (Object.keys(change).length === 0) return true;
    problem.value = null;
    savedSection.value = null;
    busySection.value = section;
    generation++;
    const previousLanguage = view.value?.language;
    // Optimistic for the language, so the screen switches at once; rolled back on failure.
    if (change.language) setLanguage(change.language);
    try {
      apply(await useBridge().client.settings.update(change));
      savedSection.value = section;
      return true;
    } catch (cause) {
      // A lost session has already put the sign-in screen in the station's language: rolling
      // back to the operator's would show it in the wrong one.
      if (previousLanguage && !isSessionLost(cause)) setLanguage(previousLanguage);
      problem.value = { section, error: plainError(cause) };
      return false;
    } finally {
      busySection.value = null;
    }
  }

  /** The operator's own language: saved as soon as it is chosen, for this operator only. */
  function chooseLanguage(language: Language): Promise<boolean> {
    if (language === view.value?.language) return Promise.resolve(true);
    return saveSection('language', { language });
  }

  return {
    view,
    diagnostics,
    savedSection,
    busySection,
    problem,
    loadProblem,
    load,
    loadDiagnostics,
    saveSection,
    chooseLanguage,
  };
});
