// Station status (version, backend, online/offline) as main reports it, kept live by events. A
// status call that fails shows as a plain, translated problem, never main's text.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { StationStatus } from '../../../src-shared/contract/station';
import { useBridge } from '../bridge/bridge-holder';
import { plainError, type PlainError } from '../i18n/plain-error';

export const useStationStore = defineStore('station', () => {
  const status = ref<StationStatus | null>(null);
  const error = ref<PlainError | null>(null);
  let unsubscribe: (() => void) | null = null;

  async function connect(): Promise<void> {
    const bridge = useBridge();
    unsubscribe ??= bridge.on.station.statusChanged((next) => {
      status.value = next;
    });
    try {
      status.value = await bridge.client.station.status({});
      error.value = null;
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  /** On sign-out: stop following changes and forget what a signed-in operator was shown. */
  function disconnect(): void {
    unsubscribe?.();
    unsubscribe = null;
    status.value = null;
  }

  return { status, error, connect, disconnect };
});
