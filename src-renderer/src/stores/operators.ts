// The admin's list of accounts and creating one. A refusal is kept as a plain, translated
// problem (its code beside it), never main's or zod's text.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OperatorSummaryView } from '../../../src-shared/contract/session';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { useBridge } from '../bridge/bridge-holder';
import { plainError, type PlainError } from '../i18n/plain-error';

/** Why creating an account failed, in words an admin can act on (main answers a taken username
 *  and a broken rule alike, as bad_request). */
function createProblem(cause: unknown): PlainError {
  if (cause instanceof BridgeError && cause.code === 'bad_request')
    return { key: 'accounts.rulesRefused', code: cause.code };
  return plainError(cause);
}

export const useOperatorsStore = defineStore('operators', () => {
  const operators = ref<OperatorSummaryView[]>([]);
  const problem = ref<PlainError | null>(null);

  async function load(): Promise<void> {
    operators.value = (await useBridge().client.operators.list({})).operators;
  }

  async function create(input: {
    username: string;
    displayName: string;
    role: OperatorSummaryView['role'];
    password: string;
  }): Promise<boolean> {
    problem.value = null;
    try {
      await useBridge().client.operators.create(input);
      await load();
      return true;
    } catch (cause) {
      problem.value = createProblem(cause);
      return false;
    }
  }

  return { operators, problem, load, create };
});
