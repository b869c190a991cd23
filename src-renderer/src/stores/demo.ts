import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DemoStatus } from '../../../src-shared/contract/demo';
import { useBridge } from '../bridge/bridge-holder';
import { plainError, type PlainError } from '../i18n/plain-error';

export const useDemoStore = defineStore('demo', () => {
  const status = ref<DemoStatus | null>(null);
  const lastEnrolled = ref<string | null>(null);
  const error = ref<PlainError | null>(null);

  /** A refused or failed status call shows as a plain error on the Demo tab, never a dead list. */
  async function load(): Promise<void> {
    try {
      status.value = await useBridge().client.demo.status({});
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  /** `grab` takes the picture; a camera that is not ready yet shows as an error, not a hang. */
  async function enroll(
    displayName: string,
    grab: () => Promise<Uint8Array<ArrayBuffer>>,
  ): Promise<void> {
    error.value = null;
    try {
      const image = await grab();
      lastEnrolled.value = (
        await useBridge().client.demo.enroll({ displayName, image, mime: 'image/jpeg' })
      ).submissionId;
      await load();
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  async function revoke(submissionId: string): Promise<void> {
    try {
      status.value = await useBridge().client.demo.revoke({ submissionId });
    } catch (cause) {
      error.value = plainError(cause);
    }
  }

  return { status, lastEnrolled, error, load, enroll, revoke };
});
