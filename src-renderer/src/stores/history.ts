// Result history: filters, rows (results and attempts that ended in a FaceAuth error), one open
// detail (with the reference photo when the station still caches it), and CSV export of the
// filtered rows. From/To are typed in the desk's language and read here (i18n/local-date.ts).
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type {
  ErrorAttemptView,
  ResultFilter,
  ResultView,
} from '../../../src-shared/contract/results';
import { useBridge } from '../bridge/bridge-holder';
import { parseLocalDate } from '../i18n/local-date';
import { plainError, type PlainError } from '../i18n/plain-error';

/** Which date filter cannot be read, or 'range' when From comes after To. */
export type DateProblem = 'from' | 'to' | 'range';

export const useHistoryStore = defineStore('history', () => {
  const filter = reactive<{
    submissionId: string;
    /** Any part of the operator's name or username. */
    operator: string;
    status: '' | 'approved' | 'rejected' | 'error';
    /** As typed, in the desk's language. */
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
  const errors = ref<ErrorAttemptView[]>([]);
  const detail = ref<ResultView | null>(null);
  /** The failed attempt open in the detail card (it has no photo to fetch). */
  const errorDetail = ref<ErrorAttemptView | null>(null);
  const dateProblem = ref<DateProblem | null>(null);
  const detailImage = shallowRef<Uint8Array | null>(null);
  const detailReference = shallowRef<Uint8Array | null>(null);
  const error = ref<PlainError | null>(null);
  const loading = ref(false);
  /** Results the central API decided differently, waiting for a supervisor. */
  const disagreements = ref<ResultView[]>([]);

  /** The bridge's filter, or null (with dateProblem set) when a date cannot be read. */
  function request(): ResultFilter | null {
    const from = parseLocalDate(filter.from);
    const to = parseLocalDate(filter.to);
    dateProblem.value =
      from === null ? 'from' : to === null ? 'to' : from && to && from > to ? 'range' : null;
    if (dateProblem.value !== null) return null;
    return {
      ...(filter.submissionId ? { submissionId: filter.submissionId } : {}),
      ...(filter.operator.trim() ? { operator: filter.operator.trim() } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      limit: 200,
    };
  }

  async function search(): Promise<void> {
    error.value = null;
    const wanted = request();
    if (wanted === null) return;
    loading.value = true;
    try {
      const answer = await useBridge().client.results.search(wanted);
      rows.value = answer.rows;
      errors.value = answer.errors;
    } catch (cause) {
      error.value = plainError(cause);
    } finally {
      loading.value = false;
    }
  }

  async function open(authenticationId: string): Promise<void> {
    error.value = null;
    errorDetail.value = null;
    try {
      const bridge = useBridge().client;
      const answer = await bridge.results.detail({ authenticationId });
      detail.value = answer.result;
      detailImage.value = answer.capturedImage;
      detailReference.value = null;
      // Only for the reference picture: opening a card is not an attempt, so none is recorded.
      const check = await bridge.submission.check({
        submissionId: answer.result.submissionId,
        recordAttempt: false,
      });
      if (detail.value?.authenticationId === authenticationId)
        detailReference.value = check.thumbnail;
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  /** A failed attempt: everything it has is already in the row (no photo, no score). */
  function openError(attemptId: string): void {
    close();
    errorDetail.value = errors.value.find((attempt) => attempt.attemptId === attemptId) ?? null;
  }

  function close(): void {
    errorDetail.value = null;
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
    const wanted = request();
    if (wanted === null) return null;
    try {
      return (await useBridge().client.results.exportCsv(wanted)).csv;
    } catch (cause) {
      error.value = plainError(cause);
      return null;
    }
  }

  return {
    filter,
    rows,
    errors,
    detail,
    errorDetail,
    dateProblem,
    openError,
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
