// Sync status for the always-visible status bar, kept live by main's events.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncStatus } from '../../../src-shared/contract/sync';
import { useBridge } from '../bridge/bridge-holder';

export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null);
  let unsubscribe: (() => void) | null = null;

  async function connect(): Promise<void> {
    const bridge = useBridge();
    unsubscribe ??= bridge.on.sync.statusChanged((next) => {
      status.value = next;
    });
    status.value = await bridge.client.sync.status({});
  }

  async function runNow(): Promise<void> {
    status.value = await useBridge().client.sync.runNow({});
  }

  function disconnect(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { status, connect, runNow, disconnect };
});
