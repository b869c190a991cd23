// Result history: filters, rows, one open detail, and CSV export of the filtered rows.
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { ResultFilter, ResultView } from '../../../src-shared/contract/results';
import { useBridge } from '../bridge/bridge-holder';
import { messageOf } from './errors';

export const useHistoryStore = defineStore('history', () => {
  const filter = reactive<{
    submissionId: string;
    operatorId: string;
    status: '' | 'approved' | 'rejected';
    from: string;
    to: string;
  }>({
    submissionId: '',
    operatorId: '',
    status: '',
    from: '',
    to: '',
  });
  const rows = ref<ResultView[]>([]);
  const detail = ref<ResultView | null>(null);
  const detailImage = shallowRef<Uint8Array | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  /** Results the central API decided differently, waiting for a supervisor. */
  const disagreements = ref<ResultView[]>([]);

  function request(): ResultFilter {
    return {
      ...(filter.submissionId ? { submissionId: filter.submissionId } : {}),
      ...(filter.operatorId ? { operatorId: filter.operatorId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      limit: 200,
    };
  }

  async function search(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      rows.value = (await useBridge().client.results.search(request())).rows;
    } catch (cause) {
      error.value = messageOf(cause);
    } finally {
      loading.value = false;
    }
  }

  async function open(authenticationId: string): Promise<void> {
    const answer = await useBridge().client.results.detail({ authenticationId });
    detail.value = answer.result;
    detailImage.value = answer.capturedImage;
  }

  function close(): void {
    detail.value = null;
    detailImage.value = null;
  }

  async function loadDisagreements(): Promise<void> {
    try {
      disagreements.value = (await useBridge().client.results.disagreements({ limit: 100 })).rows;
    } catch (cause) {
      error.value = messageOf(cause);
    }
  }

  async function reviewDisagreement(authenticationId: string): Promise<void> {
    try {
      await useBridge().client.results.reviewDisagreement({ authenticationId });
      await loadDisagreements();
    } catch (cause) {
      error.value = messageOf(cause);
    }
  }

  /** Returns the CSV text; the view turns it into a download. */
  async function exportCsv(): Promise<string | null> {
    try {
      return (await useBridge().client.results.exportCsv(request())).csv;
    } catch (cause) {
      error.value = messageOf(cause);
      return null;
    }
  }

  return {
    filter,
    rows,
    detail,
    detailImage,
    error,
    loading,
    search,
    open,
    close,
    exportCsv,
    disagreements,
    loadDisagreements,
    reviewDisagreement,
  };
});
