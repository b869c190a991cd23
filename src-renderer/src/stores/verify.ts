// The verify flow at the desk: submission id → check → capture → decision → (override). One
// person at a time: reset() clears everything about them, and a reload shows the operator's last
// verdict again (restore) instead of losing it.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { SubmissionCheck, VerifyOutcome } from '../../../src-shared/contract/verify';
import type { OverrideRequest, ResultView } from '../../../src-shared/contract/results';
import { useBridge } from '../bridge/bridge-holder';
import { faceAuthProblem, plainError, type PlainError } from '../i18n/plain-error';
import { forgetVerdict, recallVerdict, rememberVerdict } from './last-verdict';

export type VerifyStep = 'enter-id' | 'checking' | 'capture' | 'verifying' | 'result';

export const useVerifyStore = defineStore('verify', () => {
  const step = ref<VerifyStep>('enter-id');
  const submissionId = ref('');
  const check = ref<SubmissionCheck | null>(null);
  const outcome = ref<VerifyOutcome | null>(null);
  const record = ref<ResultView | null>(null);
  const capturedImage = shallowRef<Uint8Array | null>(null);
  const error = ref<PlainError | null>(null);
  /** The verdict on screen was brought back after a reload (no fresh latency to show). */
  const restored = ref(false);

  const rejectedBeforeCapture = computed<PlainError | null>(() =>
    check.value?.error ? faceAuthProblem(check.value.error.errorCode) : null,
  );

  async function checkSubmission(id: string): Promise<void> {
    submissionId.value = id.trim();
    error.value = null;
    outcome.value = null;
    record.value = null;
    capturedImage.value = null;
    restored.value = false;
    step.value = 'checking';
    try {
      // The operator's own check: an id the station refuses is listed in History as an attempt.
      check.value = await useBridge().client.submission.check({
        submissionId: submissionId.value,
        recordAttempt: true,
      });
      step.value = check.value.error === null ? 'capture' : 'enter-id';
    } catch (cause) {
      check.value = null;
      error.value = plainError(cause);
      step.value = 'enter-id';
    }
  }

  async function capture(
    grab: () => Promise<Uint8Array<ArrayBuffer>>,
    operatorId: string,
  ): Promise<void> {
    if (step.value !== 'capture') return;
    step.value = 'verifying';
    error.value = null;
    restored.value = false;
    try {
      const image = await grab();
      capturedImage.value = image;
      const answer = await useBridge().client.verify.capture({
        submissionId: submissionId.value,
        image,
        mime: 'image/jpeg',
      });
      outcome.value = answer;
      record.value = null;
      if (answer.authenticationId === null) {
        // A FaceAuth error (no_face, an unreadable picture): nothing was decided, so the same
        // person may simply be captured again.
        step.value = 'capture';
        return;
      }
      step.value = 'result';
      rememberVerdict({
        operatorId,
        submissionId: submissionId.value,
        authenticationId: answer.authenticationId,
      });
      await refreshRecord(answer.authenticationId);
    } catch (cause) {
      error.value = plainError(cause);
      step.value = 'capture';
    }
  }

  async function refreshRecord(authenticationId: string): Promise<void> {
    record.value = (await useBridge().client.results.detail({ authenticationId })).result;
  }

  /** After a reload: this operator's last verdict, as it stands now (overrides included). */
  async function restore(operatorId: string): Promise<boolean> {
    const last = recallVerdict(operatorId);
    if (last === null || outcome.value !== null) return false;
    try {
      const bridge = useBridge().client;
      const detail = await bridge.results.detail({ authenticationId: last.authenticationId });
      submissionId.value = last.submissionId;
      check.value = await bridge.submission.check({ submissionId: last.submissionId });
      record.value = detail.result;
      capturedImage.value = detail.capturedImage;
      outcome.value = {
        outcome: detail.result.result,
        authenticationId: last.authenticationId,
        latencyMs: 0,
      };
      restored.value = true;
      step.value = 'result';
      return true;
    } catch {
      // The result is gone (purged, another store): nothing to show again.
      forgetVerdict();
      return false;
    }
  }

  async function override(request: Omit<OverrideRequest, 'authenticationId'>): Promise<void> {
    const id = outcome.value?.authenticationId;
    if (!id) return;
    record.value = await useBridge().client.results.override({ ...request, authenticationId: id });
  }

  /** Clears the person: nothing about them stays on screen or in the tab's memory. */
  function reset(): void {
    step.value = 'enter-id';
    submissionId.value = '';
    check.value = null;
    outcome.value = null;
    record.value = null;
    capturedImage.value = null;
    error.value = null;
    restored.value = false;
    forgetVerdict();
  }

  return {
    step,
    submissionId,
    check,
    outcome,
    record,
    capturedImage,
    error,
    restored,
    rejectedBeforeCapture,
    checkSubmission,
    capture,
    refreshRecord,
    restore,
    override,
    reset,
  };
});
