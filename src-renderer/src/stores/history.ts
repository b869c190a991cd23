// Result history: filters, rows, one open detail (with the reference photo when the station still
// caches it), and CSV export of the filtered rows.
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { ResultFilter, ResultView } from '../../../src-shared/contract/results';
import { useBridge } from '../bridge/bridge-holder';
import { plainError, type PlainError } from '../i18n/plain-error';

export const useHistoryStore = defineStore('history', () => {
  const filter = reactive<{
    submissionId: string;
    /** Any part of the operator's name or username. */
    operator: string;
    status: '' | 'approved' | 'rejected';
    from: string;
    to: string;
  }>({
    submissionId: '',
    operator: '',
    status: '',
    from: '',
    to: '',
  });
  const rows = ref<ResultView[]>([]);
  const detail = ref<ResultView | null>(null);
  const detailImage = shallowRef<Uint8Array | null>(null);
  const detailReference = shallowRef<Uint8Array | null>(null);
  const error = ref<PlainError | null>(null);
  const loading = ref(false);
  /** Results the central API decided differently, waiting for a supervisor. */
  const disagreements = ref<ResultView[]>([]);

  function request(): ResultFilter {
    return {
      ...(filter.submissionId ? { submissionId: filter.submissionId } : {}),
      ...(filter.operator.trim() ? { operator: filter.operator.trim() } : {}),
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
      error.value = plainError(cause);
    } finally {
      loading.value = false;
    }
  }

  async function open(authenticationId: string): Promise<void> {
    error.value = null;
    try {
      const bridge = useBridge().client;
      const answer = await bridge.results.detail({ authenticationId });
      detail.value = answer.result;
      detailImage.value = answer.capturedImage;
      detailReference.value = null;
      const check = await bridge.submission.check({ submissionId: answer.result.submissionId });
      if (detail.value?.authenticationId === authenticationId)
        detailReference.value = check.thumbnail;
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  function close(): void {
    detail.value = null;
    detailImage.value = null;
    detailReference.value = null;
  }

  async function loadDisagreements(): Promise<void> {
    try {
      disagreements.value = (await useBridge().client.results.disagreements({ limit: 100 })).rows;
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  async function reviewDisagreement(authenticationId: string): Promise<void> {
    try {
      await useBridge().client.results.reviewDisagreement({ authenticationId });
      await loadDisagreements();
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  /** Returns the CSV text; the view turns it into a download. */
  async function exportCsv(): Promise<string | null> {
    try {
      return (await useBridge().client.results.exportCsv(request())).csv;
    } catch (cause) {
      error.value = plainError(cause);
      return null;
    }
  }

  return {
    filter,
    rows,
    detail,
    detailImage,
    detailReference,
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
