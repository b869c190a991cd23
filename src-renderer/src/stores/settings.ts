// Settings as main reports them (keys masked), the admin's edits, and engine diagnostics.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  EngineDiagnosticsView,
  SettingsUpdate,
  SettingsView,
} from '../../../src-shared/contract/settings';
import { useBridge } from '../bridge/bridge-holder';
import { setLanguage } from '../i18n';
import { messageOf } from './errors';

export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null);
  const diagnostics = ref<EngineDiagnosticsView | null>(null);
  const error = ref<string | null>(null);
  const saved = ref(false);

  // Bumped by every update: a load that was sent before an update answers with the settings as
  // they were, and must not overwrite the update's answer (the screen loads on mount, and a
  // desk may pick a language before that answer arrives).
  let generation = 0;

  async function load(): Promise<void> {
    const sentAt = generation;
    const loaded = await useBridge().client.settings.get({});
    if (sentAt !== generation) return;
    view.value = loaded;
    setLanguage(loaded.language);
  }

  async function loadDiagnostics(): Promise<void> {
    diagnostics.value = await useBridge().client.engine.diagnostics({});
  }

  async function update(change: SettingsUpdate): Promise<void> {
    error.value = null;
    saved.value = false;
    generation++;
    const previousLanguage = view.value?.language;
    // Optimistic for the language, so the screen switches at once; rolled back on failure.
    if (change.language) setLanguage(change.language);
    try {
      view.value = await useBridge().client.settings.update(change);
      setLanguage(view.value.language);
      saved.value = true;
    } catch (cause) {
      if (previousLanguage) setLanguage(previousLanguage);
      error.value = messageOf(cause);
    }
  }

  return { view, diagnostics, error, saved, load, loadDiagnostics, update };
});
