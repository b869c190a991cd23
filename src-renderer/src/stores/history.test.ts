// The history store with a real Pinia and a fake bridge: dates typed in the desk's language reach
// main as calendar days, unreadable dates stop the search with the field named, failed attempts
// open their own card, a result's card fetches both photos through the audited calls, and
// failures become plain errors.
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { BridgeError, failure } from '../../../src-shared/contract/envelope';
import type {
  ErrorAttemptView,
  ResultFilter,
  ResultView,
} from '../../../src-shared/contract/results';
import { installBridge, type StationBridge } from '../bridge/bridge-holder';
import { useHistoryStore } from './history';
import { useSessionStore } from './session';
import {
  installFakeStation,
  OFFLINE,
  ok,
  signInAs,
  UNAUTHORIZED,
  useTestingStores,
} from './testing/fake-station';

const RESULT: ResultView = {
  authenticationId: 'auth-1',
  submissionId: 'SUB-1',
  result: {
    authentication_id: 'auth-1',
    auth_status: 'approved',
    create_time: '2026-11-29T23:00:00.000Z',
    score: { face_similarity_score: 97 },
  },
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
const ATTEMPT: ErrorAttemptView = {
  attemptId: 'att-1',
  submissionId: 'SUB-2',
  errorCode: 'no_face',
  recordedAt: '2026-11-29T23:01:00.000Z',
  operatorId: 'op-a',
  operatorName: 'Dana',
};

function fakeBridge(options: { failWith?: BridgeError } = {}) {
  const calls: { channel: string; payload: unknown }[] = [];
  const answer = <T>(channel: string, payload: unknown, value: T): T => {
    calls.push({ channel, payload });
    if (options.failWith) throw options.failWith;
    return value;
  };
  installBridge({
    client: {
      results: {
        search: async (filter: ResultFilter) =>
          answer('search', filter, { rows: [RESULT], errors: [ATTEMPT] }),
        detail: async (request: unknown) =>
          answer('detail', request, { result: RESULT, capturedImage: new Uint8Array([2]) }),
        exportCsv: async (filter: ResultFilter) => answer('csv', filter, { csv: 'x', rows: 2 }),
      },
      submission: {
        check: async (request: unknown) =>
          answer('check', request, { thumbnail: new Uint8Array([1]) }),
      },
    },
  } as unknown as StationBridge);
  return calls;
}

describe('history store', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('sends days typed the Korean way as calendar days, and lists results and errors', async () => {
    const calls = fakeBridge();
    const history = useHistoryStore();
    history.filter.from = '2026. 11. 1.';
    history.filter.to = '2026.11.30';
    history.filter.status = 'error';
    await history.search();
    expect(calls).toEqual([
      {
        channel: 'search',
        payload: { status: 'error', from: '2026-11-01', to: '2026-11-30', limit: 200 },
      },
    ]);
    expect(history.rows).toEqual([RESULT]);
    expect(history.errors).toEqual([ATTEMPT]);
    expect(history.dateProblem).toBeNull();
  });

  it.each([
    ['11/30/2026', '', 'from'],
    ['', '2026-02-30', 'to'],
    ['2026-12-01', '2026-11-01', 'range'],
  ] as const)('stops at an unreadable date (%s, %s): %s', async (from, to, problem) => {
    const calls = fakeBridge();
    const history = useHistoryStore();
    history.filter.from = from;
    history.filter.to = to;
    await history.search();
    expect(await history.exportCsv()).toBeNull();
    expect(history.dateProblem).toBe(problem);
    expect(calls).toEqual([]);
  });

  it('opens a result with both photos (the audited calls), and a failed attempt on its own', async () => {
    const calls = fakeBridge();
    const history = useHistoryStore();
    await history.search();
    await history.open('auth-1');
    expect(calls.map((call) => call.channel)).toEqual(['search', 'detail', 'check']);
    // Looking at a card is not an attempt: the check never asks to be listed in History.
    expect(calls[2]?.payload).toEqual({ submissionId: 'SUB-1', recordAttempt: false });
    expect(history.detailImage).toEqual(new Uint8Array([2]));
    expect(history.detailReference).toEqual(new Uint8Array([1]));

    history.openError('att-1');
    expect(history.errorDetail).toEqual(ATTEMPT);
    expect([history.detail, history.detailImage, history.detailReference]).toEqual([
      null,
      null,
      null,
    ]);
    history.close();
    expect(history.errorDetail).toBeNull();
  });

  it('turns a refused search, detail or export into a plain error with its code', async () => {
    fakeBridge({ failWith: new BridgeError('forbidden', 'supervisor role required') });
    const history = useHistoryStore();
    await history.search();
    expect(history.error).toEqual({ key: 'problems.bridge.forbidden', code: 'forbidden' });
    expect(history.loading).toBe(false);
    await history.open('auth-1');
    expect(history.detail).toBeNull();
    expect(await history.exportCsv()).toBeNull();
    expect(history.error?.code).toBe('forbidden');
  });
});

describe('history store, through the real client, when the station fails', () => {
  beforeEach(() => setActivePinia(useTestingStores()));

  it('offline: the list keeps its rows and the screen says the station is not reachable', async () => {
    let offline = false;
    installFakeStation({
      'results:search': () => (offline ? OFFLINE : ok({ rows: [RESULT], errors: [ATTEMPT] })),
    });
    const history = useHistoryStore();
    await history.search();
    offline = true;
    await history.search();
    expect(history.rows).toEqual([RESULT]);
    expect(history.error).toEqual({ key: 'problems.bridge.unavailable', code: 'unavailable' });
    expect(i18n.global.t(history.error!.key)).toMatch(/Try again/);
    expect(history.loading).toBe(false);
  });

  it('a refused review keeps the disagreement listed and says why', async () => {
    const disagreeing = { ...RESULT, disagreement: true };
    installFakeStation({
      'results:disagreements': () => ok({ rows: [disagreeing] }),
      'results:reviewDisagreement': () => failure('forbidden', 'supervisor role required'),
    });
    const history = useHistoryStore();
    await history.loadDisagreements();
    await history.reviewDisagreement('auth-1');
    expect(history.disagreements).toEqual([disagreeing]);
    expect(history.error).toEqual({ key: 'problems.bridge.forbidden', code: 'forbidden' });
  });

  it('unauthorized: the desk returns to sign-in and no photo is left open', async () => {
    installFakeStation({ 'results:detail': () => UNAUTHORIZED });
    signInAs('supervisor');
    const history = useHistoryStore();
    await history.open('auth-1');
    expect(useSessionStore().session).toBeNull();
    expect([history.detail, history.detailImage, history.detailReference]).toEqual([
      null,
      null,
      null,
    ]);
    expect(history.error?.code).toBe('unauthorized');
  });
});
