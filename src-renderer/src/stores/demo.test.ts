// The demo store through the real typed client: enrol and revoke keep the list current, and every
// failure (status refused, camera not ready, enrolment refused, station offline, session expired)
// becomes a plain error with its code instead of a hang or a thrown promise.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, type Envelope } from '../../../src-shared/contract/envelope';
import type { DemoStatus } from '../../../src-shared/contract/demo';
import { i18n } from '../i18n';
import { useDemoStore } from './demo';
import { useSessionStore } from './session';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const LISTED: DemoStatus = {
  active: true,
  submissions: [{ submissionId: 'DEMO-1', displayName: 'Angela', status: 'approved' }],
};
const REVOKED: DemoStatus = {
  ...LISTED,
  submissions: [{ ...LISTED.submissions[0]!, status: 'rejected' }],
};

type DemoStep = 'status' | 'enroll' | 'revoke';

function station(fail: Partial<Record<DemoStep, Envelope<unknown>>> = {}) {
  return installFakeStation({
    'demo:status': () => fail.status ?? ok(LISTED),
    'demo:enroll': () => fail.enroll ?? ok({ submissionId: 'DEMO-1' }),
    'demo:revoke': () => fail.revoke ?? ok(REVOKED),
  });
}

const grab = async () => new Uint8Array([1]) as Uint8Array<ArrayBuffer>;

describe('demo store', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('enrols from the camera, then lists the new person; revoking updates the list', async () => {
    const calls = station();
    const demo = useDemoStore();
    await demo.enroll('Angela', grab);
    expect(calls.channels()).toEqual(['demo:enroll', 'demo:status']);
    expect(demo.lastEnrolled).toBe('DEMO-1');
    expect(demo.status).toEqual(LISTED);
    await demo.revoke('DEMO-1');
    expect(demo.status?.submissions[0]?.status).toBe('rejected');
    expect(demo.error).toBeNull();
  });

  it('shows a refused status call as a plain error, not an unhandled rejection', async () => {
    station({ status: failure('unavailable', 'demo mode is off') });
    const demo = useDemoStore();
    await expect(demo.load()).resolves.toBeUndefined();
    expect(demo.error).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(demo.status).toBeNull();
  });

  it('a camera that is not ready or a refused enrolment is an error, and nothing is enrolled', async () => {
    const calls = station({ enroll: failure('bad_request', 'displayName: Too small') });
    const demo = useDemoStore();
    await demo.enroll('Angela', async () => {
      throw new Error('camera not ready');
    });
    expect(demo.error).toEqual({ key: 'problems.bridge.unknown', code: 'internal' });
    expect(calls.channels()).toEqual([]);
    await demo.enroll('Angela', grab);
    expect(demo.error).toEqual({ key: 'problems.bridge.bad_request', code: 'bad_request' });
    expect(i18n.global.t(demo.error!.key)).not.toMatch(/Too small/);
    expect(demo.lastEnrolled).toBeNull();
  });

  it('a refused revocation keeps the list as it was and says why', async () => {
    station({ revoke: failure('forbidden', 'supervisor role required') });
    const demo = useDemoStore();
    await demo.load();
    await demo.revoke('DEMO-1');
    expect(demo.status).toEqual(LISTED);
    expect(demo.error?.code).toBe('forbidden');
  });

  it('offline: enrolling shows the plain sentence for an unreachable station', async () => {
    station({ enroll: OFFLINE });
    const demo = useDemoStore();
    await demo.enroll('Angela', grab);
    expect(demo.error).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(demo.lastEnrolled).toBeNull();
  });

  it('unauthorized: the desk returns to sign-in and the list stays as it was', async () => {
    station({ revoke: UNAUTHORIZED });
    signInAs('supervisor');
    const demo = useDemoStore();
    await demo.load();
    await demo.revoke('DEMO-1');
    expect(useSessionStore().session).toBeNull();
    expect(demo.status).toEqual(LISTED);
    expect(demo.error?.code).toBe('unauthorized');
  });
});
