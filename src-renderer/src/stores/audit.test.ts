// Settings → Audit → Verify through the real typed client: the verification's findings are kept;
// a refusal (not an admin), an offline station or an expired session ends in an error the section
// shows as its own translated sentence, and `unauthorized` also returns the desk to sign-in.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerificationView } from '../../../src-shared/contract/audit';
import { failure } from '../../../src-shared/contract/envelope';
import { useAuditStore } from './audit';
import { useSessionStore } from './session';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const FAILED: AuditVerificationView = {
  ok: false,
  entries: 12,
  problems: 2,
  checkedAt: '2026-11-30T00:00:00.000Z',
  acknowledgements: 1,
  firstProblems: [{ seq: 3, kind: 'mac_missing' }],
};

describe('audit store', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('keeps what the verification found', async () => {
    const station = installFakeStation({ 'audit:verify': () => ok(FAILED) });
    const store = useAuditStore();
    await store.verify();
    expect(station.channels()).toEqual(['audit:verify']);
    expect(store.result).toEqual(FAILED);
    expect(store.error).toBeNull();
    expect(store.busy).toBe(false);
  });

  it.each([
    ['a refusal (not an admin)', failure('forbidden', 'This needs the admin role')],
    ['an offline station', OFFLINE],
  ])('%s leaves no stale result and an error for the section to show', async (_, answer) => {
    let answered = ok(FAILED);
    installFakeStation({ 'audit:verify': () => answered });
    const store = useAuditStore();
    await store.verify();
    answered = answer;
    await store.verify();
    expect(store.result).toBeNull();
    expect(store.error).not.toBeNull();
    expect(store.busy).toBe(false);
  });

  it('unauthorized: the desk returns to sign-in', async () => {
    installFakeStation({ 'audit:verify': () => UNAUTHORIZED });
    signInAs('admin');
    const store = useAuditStore();
    await store.verify();
    expect(useSessionStore().session).toBeNull();
    expect(store.result).toBeNull();
    expect(store.busy).toBe(false);
  });
});
