import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerificationView } from '../../../src-shared/contract/audit';
import { BridgeError } from '../../../src-shared/contract/envelope';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { useAuditStore } from './audit';

const failed: AuditVerificationView = {
  ok: false,
  entries: 12,
  problems: 2,
  checkedAt: '2026-11-30T00:00:00.000Z',
  acknowledgements: 1,
  firstProblems: [{ seq: 3, kind: 'mac_missing' }],
};

function bridgeAnswering(answer: () => Promise<AuditVerificationView>): StationBridge {
  return { client: { audit: { verify: answer } }, on: {} } as unknown as StationBridge;
}

describe('audit store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps what the verification found', async () => {
    installBridge(bridgeAnswering(async () => failed));
    const store = useAuditStore();
    await store.verify();
    expect(store.result).toEqual(failed);
    expect(store.error).toBeNull();
    expect(store.busy).toBe(false);
  });

  it('shows why the call was refused (not an admin)', async () => {
    installBridge(
      bridgeAnswering(async () => {
        throw new BridgeError('forbidden', 'This needs the admin role');
      }),
    );
    const store = useAuditStore();
    await store.verify();
    expect(store.result).toBeNull();
    expect(store.error).toBe('This needs the admin role');
  });
});
