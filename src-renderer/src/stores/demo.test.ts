// The demo store with a real Pinia and a fake bridge: enrol and revoke keep the list current, and
// every failure (status refused, camera not ready, enrolment refused) becomes a plain error with
// its code instead of a hang or a thrown promise.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src-shared/contract/envelope';
import type { DemoStatus } from '../../../src-shared/contract/demo';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { useDemoStore } from './demo';

const LISTED: DemoStatus = {
  active: true,
  submissions: [{ submissionId: 'DEMO-1', displayName: 'Angela', status: 'approved' }],
};

function fakeBridge(fail: Partial<Record<'status' | 'enroll' | 'revoke', BridgeError>> = {}) {
  const calls: string[] = [];
  const step = <T>(name: 'status' | 'enroll' | 'revoke', value: T): T => {
    calls.push(name);
    const failure = fail[name];
    if (failure) throw failure;
    return value;
  };
  installBridge({
    client: {
      demo: {
        status: async () => step('status', LISTED),
        enroll: async () => step('enroll', { submissionId: 'DEMO-1' }),
        revoke: async () =>
          step('revoke', {
            ...LISTED,
            submissions: [{ ...LISTED.submissions[0]!, status: 'rejected' }],
          }),
      },
    },
  } as unknown as StationBridge);
  return calls;
}

const grab = async () => new Uint8Array([1]) as Uint8Array<ArrayBuffer>;

describe('demo store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('enrols from the camera, then lists the new person; revoking updates the list', async () => {
    const calls = fakeBridge();
    const demo = useDemoStore();
    await demo.enroll('Angela', grab);
    expect(calls).toEqual(['enroll', 'status']);
    expect(demo.lastEnrolled).toBe('DEMO-1');
    expect(demo.status).toEqual(LISTED);
    await demo.revoke('DEMO-1');
    expect(demo.status?.submissions[0]?.status).toBe('rejected');
    expect(demo.error).toBeNull();
  });

  it('shows a refused status call as a plain error, not an unhandled rejection', async () => {
    fakeBridge({ status: new BridgeError('unavailable', 'demo mode is off') });
    const demo = useDemoStore();
    await expect(demo.load()).resolves.toBeUndefined();
    expect(demo.error).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(demo.status).toBeNull();
  });

  it('a camera that is not ready or a refused enrolment is an error, and nothing is enrolled', async () => {
    const calls = fakeBridge({ enroll: new BridgeError('bad_request', 'displayName: Too small') });
    const demo = useDemoStore();
    await demo.enroll('Angela', async () => {
      throw new Error('camera not ready');
    });
    expect(demo.error).toEqual({ key: 'problems.bridge.unknown', code: 'internal' });
    expect(calls).toEqual([]);
    await demo.enroll('Angela', grab);
    expect(demo.error).toEqual({ key: 'problems.bridge.bad_request', code: 'bad_request' });
    expect(demo.lastEnrolled).toBeNull();
  });

  it('a refused revocation keeps the list as it was and says why', async () => {
    fakeBridge({ revoke: new BridgeError('forbidden', 'supervisor role required') });
    const demo = useDemoStore();
    await demo.load();
    await demo.revoke('DEMO-1');
    expect(demo.status).toEqual(LISTED);
    expect(demo.error?.code).toBe('forbidden');
  });
});
