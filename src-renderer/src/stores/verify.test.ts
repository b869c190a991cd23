// The per-person lifecycle in the verify store, with a fake bridge and the tab's sessionStorage:
// a verdict comes back after a reload for the same operator only, and every clear forgets it.
import { setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResultView } from '../../../src-shared/contract/results';
import type { SubmissionCheck, VerifyOutcome } from '../../../src-shared/contract/verify';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { useVerifyStore } from './verify';
import { failure } from '../../../src-shared/contract/envelope';
import { i18n } from '../i18n';
import { useSessionStore } from './session';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const RESULT = {
  authentication_id: 'auth-1',
  auth_status: 'approved',
  create_time: '2026-11-29T23:00:00.000Z',
  score: { face_similarity_score: 97 },
} as const;

const view: ResultView = {
  authenticationId: 'auth-1',
  submissionId: 'SUB-1',
  result: RESULT,
  recordedAt: '2026-11-29T23:00:00.000Z',
  operatorId: 'op-a',
  operatorName: 'Dana',
  overrides: [],
  finalStatus: 'approved',
  central: null,
  disagreement: false,
  synced: false,
  hasCapturedImage: true,
  imagePurgedAt: null,
};
const check: SubmissionCheck = {
  submissionId: 'SUB-1',
  status: 'approved',
  error: null,
  policy: null,
  thumbnail: new Uint8Array([1]),
  demo: true,
};

/** What each submission:check was asked (whether it lists a refused id as an attempt). */
const checkRequests: unknown[] = [];

function bridgeAnswering(capture: VerifyOutcome) {
  const calls: string[] = [];
  checkRequests.length = 0;
  installBridge({
    client: {
      submission: {
        check: async (request: unknown) => (
          calls.push('check'),
          checkRequests.push(request),
          check
        ),
      },
      verify: { capture: async () => (calls.push('capture'), capture) },
      results: {
        detail: async () => (
          calls.push('detail'),
          { result: view, capturedImage: new Uint8Array([2]) }
        ),
      },
    },
  } as unknown as StationBridge);
  return calls;
}

const grab = async () => new Uint8Array([9]) as Uint8Array<ArrayBuffer>;

/** A page reload: a new Pinia, the same tab storage. */
function reload() {
  setActivePinia(useTestingStores());
  return useVerifyStore();
}

describe('verify store lifecycle', () => {
  beforeEach(() => {
    const memory = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => memory.get(key) ?? null,
      setItem: (key: string, value: string) => memory.set(key, value),
      removeItem: (key: string) => memory.delete(key),
    });
    setActivePinia(useTestingStores());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the operator’s last verdict again after a reload', async () => {
    bridgeAnswering({ outcome: RESULT, authenticationId: 'auth-1', latencyMs: 120 });
    const before = useVerifyStore();
    await before.checkSubmission('SUB-1');
    await before.capture(grab, 'op-a');
    expect(before.step).toBe('result');

    const after = reload();
    expect(await after.restore('op-a')).toBe(true);
    // Only the operator's own check lists a refused id as an attempt; a restore never does.
    expect(checkRequests).toEqual([
      { submissionId: 'SUB-1', recordAttempt: true },
      { submissionId: 'SUB-1' },
    ]);
    expect(after.outcome?.authenticationId).toBe('auth-1');
    expect(after.record?.finalStatus).toBe('approved');
    expect(after.submissionId).toBe('SUB-1');
    expect(after.check?.thumbnail).toEqual(new Uint8Array([1]));
    expect(after.restored).toBe(true);
  });

  it('never shows it to another operator, and forgets it', async () => {
    const calls = bridgeAnswering({ outcome: RESULT, authenticationId: 'auth-1', latencyMs: 1 });
    const before = useVerifyStore();
    await before.checkSubmission('SUB-1');
    await before.capture(grab, 'op-a');
    calls.length = 0;

    expect(await reload().restore('op-b')).toBe(false);
    expect(calls).toEqual([]);
    expect(await reload().restore('op-a')).toBe(false);
  });

  it('forgets the person on reset (next person, tab change, sign-out)', async () => {
    bridgeAnswering({ outcome: RESULT, authenticationId: 'auth-1', latencyMs: 1 });
    const store = useVerifyStore();
    await store.checkSubmission('SUB-1');
    await store.capture(grab, 'op-a');
    store.reset();
    expect([store.outcome, store.record, store.capturedImage, store.check]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(await reload().restore('op-a')).toBe(false);
  });

  it('after no face, the same person can be captured again at once', async () => {
    bridgeAnswering({
      outcome: { errorCode: 'no_face', message: 'Face is not detected' },
      authenticationId: null,
      latencyMs: 1,
    });
    const store = useVerifyStore();
    await store.checkSubmission('SUB-1');
    await store.capture(grab, 'op-a');
    expect(store.step).toBe('capture');
    expect(store.outcome?.authenticationId).toBeNull();
    expect(await reload().restore('op-a')).toBe(false);
  });
});

describe('verify store, through the real client, when the station fails', () => {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => null,
      setItem: () => undefined,
      removeItem: () => undefined,
    });
    setActivePinia(useTestingStores());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offline at the check: back to the id, with the plain sentence, nothing about the person kept', async () => {
    installFakeStation({ 'submission:check': () => OFFLINE });
    const verify = useVerifyStore();
    await verify.checkSubmission(' SUB-1 ');
    expect(verify.step).toBe('enter-id');
    expect(verify.check).toBeNull();
    expect(verify.error).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(i18n.global.t(verify.error!.key)).toMatch(/Try again/);
  });

  it('a refused capture lets the operator capture again, without main text', async () => {
    installFakeStation({
      'submission:check': () => ok(check),
      'verify:capture': () => failure('busy', 'engine queue full (2 in flight)'),
    });
    const verify = useVerifyStore();
    await verify.checkSubmission('SUB-1');
    await verify.capture(grab, 'op-a');
    expect(verify.step).toBe('capture');
    expect(verify.outcome).toBeNull();
    expect(verify.error).toEqual({ key: 'problems.bridge.busy', code: 'busy' });
    expect(i18n.global.t(verify.error!.key)).not.toMatch(/in flight/);
  });

  it('unauthorized at capture: the desk returns to sign-in and no verdict is remembered', async () => {
    const remembered = vi.fn();
    vi.stubGlobal('sessionStorage', {
      getItem: () => null,
      setItem: remembered,
      removeItem: () => undefined,
    });
    installFakeStation({
      'submission:check': () => ok(check),
      'verify:capture': () => UNAUTHORIZED,
    });
    signInAs('operator');
    const verify = useVerifyStore();
    await verify.checkSubmission('SUB-1');
    await verify.capture(grab, 'op-operator');
    expect(useSessionStore().session).toBeNull();
    expect(verify.outcome).toBeNull();
    expect(verify.error?.code).toBe('unauthorized');
    expect(remembered).not.toHaveBeenCalled();
  });
});
