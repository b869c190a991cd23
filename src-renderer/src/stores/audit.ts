// Settings → Audit → Verify: asks main to walk the keyed audit chain (admins only). Main also
// updates the station status, so a failure shows in the status bar for everyone.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AuditVerificationView } from '../../../src-shared/contract/audit';
import { useBridge } from '../bridge/bridge-holder';
import { messageOf } from './errors';

export const useAuditStore = defineStore('audit', () => {
  const result = ref<AuditVerificationView | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);

  async function verify(): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      result.value = await useBridge().client.audit.verify({});
    } catch (cause) {
      result.value = null;
      error.value = messageOf(cause);
    } finally {
      busy.value = false;
    }
  }

  return { result, error, busy, verify };
});
