// What an admin does to accounts (disable, enable, unlock, end sessions, reset a password, change
// a role), erasing one person, the offline cache's maximum age, and anyone's own password change.
// Errors are kept as codes so that the components show translated words, not main's text.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OperatorRoleName } from '../../../src-shared/contract/session';
import { BridgeError, type BridgeErrorCode } from '../../../src-shared/contract/envelope';
import { useBridge } from '../bridge/bridge-holder';
import { useOperatorsStore } from './operators';

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'revokeSessions';

function codeOf(cause: unknown): BridgeErrorCode {
  return cause instanceof BridgeError ? cause.code : 'internal';
}

export const useOperatorAdminStore = defineStore('operatorAdmin', () => {
  const errorCode = ref<BridgeErrorCode | null>(null);
  const done = ref<string | null>(null);
  /** Which call the current `done` / `errorCode` belong to, so each section shows only its own. */
  const lastAction = ref<string | null>(null);
  const maxCacheAgeDays = ref<number | null>(null);

  /** Runs one call; on success reloads the account list and notes what was done. */
  async function run(what: string, call: () => Promise<unknown>): Promise<boolean> {
    errorCode.value = null;
    done.value = null;
    lastAction.value = what;
    try {
      await call();
      done.value = what;
      return true;
    } catch (cause) {
      errorCode.value = codeOf(cause);
      return false;
    }
  }

  const operators = () => useBridge().client.operators;
  const reload = () => useOperatorsStore().load();

  function act(operatorId: string, action: AccountAction): Promise<boolean> {
    return run(action, async () => {
      await operators()[action]({ operatorId });
      await reload();
    });
  }

  function resetPassword(operatorId: string, password: string): Promise<boolean> {
    return run('resetPassword', () => operators().resetPassword({ operatorId, password }));
  }

  function changeRole(operatorId: string, role: OperatorRoleName): Promise<boolean> {
    return run('changeRole', async () => {
      await operators().changeRole({ operatorId, role });
      await reload();
    });
  }

  function changeOwnPassword(currentPassword: string, newPassword: string): Promise<boolean> {
    return run('changeOwnPassword', () =>
      operators().changeOwnPassword({ currentPassword, newPassword }),
    );
  }

  function erasePerson(submissionId: string): Promise<boolean> {
    return run('erasePerson', () => useBridge().client.results.erasePerson({ submissionId }));
  }

  async function loadCacheAge(): Promise<void> {
    maxCacheAgeDays.value = (await useBridge().client.settings.cacheAge({})).maxCacheAgeDays;
  }

  function setCacheAge(days: number): Promise<boolean> {
    return run('setCacheAge', async () => {
      const saved = await useBridge().client.settings.setCacheAge({ maxCacheAgeDays: days });
      maxCacheAgeDays.value = saved.maxCacheAgeDays;
    });
  }

  return {
    errorCode,
    done,
    lastAction,
    maxCacheAgeDays,
    act,
    resetPassword,
    changeRole,
    changeOwnPassword,
    erasePerson,
    loadCacheAge,
    setCacheAge,
  };
});
