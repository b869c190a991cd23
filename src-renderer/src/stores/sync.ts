// Sync status for the always-visible status bar, kept live by main's events. A status call that
// fails (offline, refused) shows as a plain, translated problem in the bar, never a rejection.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SyncStatus } from '../../../src-shared/contract/sync';
import { useBridge } from '../bridge/bridge-holder';
import { plainError, type PlainError } from '../i18n/plain-error';

export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null);
  const problem = ref<PlainError | null>(null);
  let unsubscribe: (() => void) | null = null;

  function show(next: SyncStatus): void {
    status.value = next;
    problem.value = null;
  }

  async function ask(call: () => Promise<SyncStatus>): Promise<void> {
    try {
      show(await call());
    } catch (cause) {
      problem.value = plainError(cause);
    }
  }

  async function connect(): Promise<void> {
    const bridge = useBridge();
    unsubscribe ??= bridge.on.sync.statusChanged(show);
    await ask(() => bridge.client.sync.status({}));
  }

  /** A failed run keeps the last status on screen beside the problem: the queue did not vanish. */
  function runNow(): Promise<void> {
    return ask(() => useBridge().client.sync.runNow({}));
  }

  function disconnect(): void {
    unsubscribe?.();
    unsubscribe = null;
    problem.value = null;
  }

  return { status, problem, connect, runNow, disconnect };
});
