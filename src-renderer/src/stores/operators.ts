import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OperatorSummaryView } from '../../../src-shared/contract/session';
import { useBridge } from '../bridge/bridge-holder';
import { messageOf } from './errors';

export const useOperatorsStore = defineStore('operators', () => {
  const operators = ref<OperatorSummaryView[]>([]);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    operators.value = (await useBridge().client.operators.list({})).operators;
  }

  async function create(input: {
    username: string;
    displayName: string;
    role: OperatorSummaryView['role'];
    password: string;
  }): Promise<boolean> {
    error.value = null;
    try {
      await useBridge().client.operators.create(input);
      await load();
      return true;
    } catch (cause) {
      error.value = messageOf(cause);
      return false;
    }
  }

  return { operators, error, load, create };
});
