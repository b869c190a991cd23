// The verify flow at the desk: submission id → check → capture → decision → (override).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { SubmissionCheck, VerifyOutcome } from '../../../src-shared/contract/verify';
import type { OverrideRequest, ResultView } from '../../../src-shared/contract/results';
import { useBridge } from '../bridge/bridge-holder';
import { messageOf } from './errors';

export type VerifyStep = 'enter-id' | 'checking' | 'capture' | 'verifying' | 'result';

export const useVerifyStore = defineStore('verify', () => {
  const step = ref<VerifyStep>('enter-id');
  const submissionId = ref('');
  const check = ref<SubmissionCheck | null>(null);
  const outcome = ref<VerifyOutcome | null>(null);
  const record = ref<ResultView | null>(null);
  const capturedImage = shallowRef<Uint8Array | null>(null);
  const error = ref<string | null>(null);

  const rejectedBeforeCapture = computed(() => check.value?.error ?? null);

  async function checkSubmission(id: string): Promise<void> {
    submissionId.value = id.trim();
    error.value = null;
    outcome.value = null;
    record.value = null;
    step.value = 'checking';
    try {
      check.value = await useBridge().client.submission.check({ submissionId: submissionId.value });
      step.value = check.value.error === null ? 'capture' : 'enter-id';
    } catch (cause) {
      error.value = messageOf(cause);
      step.value = 'enter-id';
    }
  }

  async function capture(grab: () => Promise<Uint8Array<ArrayBuffer>>): Promise<void> {
    if (step.value !== 'capture') return;
    step.value = 'verifying';
    error.value = null;
    try {
      const image = await grab();
      capturedImage.value = image;
      const answer = await useBridge().client.verify.capture({
        submissionId: submissionId.value,
        image,
        mime: 'image/jpeg',
      });
      outcome.value = answer;
      step.value = 'result';
      if (answer.authenticationId !== null) await refreshRecord(answer.authenticationId);
    } catch (cause) {
      error.value = messageOf(cause);
      step.value = 'capture';
    }
  }

  async function refreshRecord(authenticationId: string): Promise<void> {
    record.value = (await useBridge().client.results.detail({ authenticationId })).result;
  }

  async function override(request: Omit<OverrideRequest, 'authenticationId'>): Promise<void> {
    const id = outcome.value?.authenticationId;
    if (!id) return;
    record.value = await useBridge().client.results.override({ ...request, authenticationId: id });
  }

  function reset(): void {
    step.value = 'enter-id';
    submissionId.value = '';
    check.value = null;
    outcome.value = null;
    record.value = null;
    capturedImage.value = null;
    error.value = null;
  }

  return {
    step,
    submissionId,
    check,
    outcome,
    record,
    capturedImage,
    error,
    rejectedBeforeCapture,
    checkSubmission,
    capture,
    refreshRecord,
    override,
    reset,
  };
});
