// The store side of sync on a real SQLite file: a pulled page and its cursor commit together or
// not at all; attempt marks survive until a delivery is recorded; the sweep finds cached
// submissions a full listing no longer showed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordResult } from '../../../src-main/store/services/results';
import {
  markPushAttempts,
  pushPayloads,
  recordDeliveries,
} from '../../../src-main/store/services/sync-delivery';
import {
  applyPulledPage,
  listApprovedNotInSweep,
} from '../../../src-main/store/services/sync-pull';
import { readCursor, readSyncCounts } from '../../../src-main/store/services/sync-state';
import { lookupSubmission } from '../../../src-main/store/services/submissions';
import { approvedResult } from '../../support/store/fixtures';
import { openTestStore, POLICY_85, type TestStore } from '../../support/store/context';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.close());

const templates = { modelVersion: 'm1', data: new Uint8Array([1, 2, 3]) };
const page = (sweepId: string, ids: string[]) => ({
  sweepId,
  upserts: ids.map((submissionId) => ({
    submissionId,
    status: 'approved',
    policy: POLICY_85,
    templates,
  })),
  statusChanges: [],
  marks: ids.map((submissionId) => ({ submissionId, kycResultAt: 'k1', enrollError: null })),
  unchanged: [],
  cursor: { name: 'pull', value: { at: ids.at(-1) } },
});

describe('sync store state', () => {
  it('commits a pulled page and its cursor together, or neither', () => {
    applyPulledPage(t.ctx, page('s1', ['a', 'b']));
    expect(readCursor(t.ctx, 'pull')).toEqual({ at: 'b' });
    // The cursor is written last; making it fail proves the page's writes roll back with it.
    const broken = { ...page('s1', ['c', 'd']), cursor: { name: 'pull', value: { n: 1n } } };
    expect(() => applyPulledPage(t.ctx, broken)).toThrow(TypeError);
    expect(readCursor(t.ctx, 'pull')).toEqual({ at: 'b' });
    expect(lookupSubmission(t.ctx, 'c').found).toBe(false);
  });

  it('lists approved submissions a later sweep did not see', () => {
    applyPulledPage(t.ctx, page('s1', ['a', 'b', 'c']));
    applyPulledPage(t.ctx, { ...page('s2', []), unchanged: ['a', 'c'] });
    expect(listApprovedNotInSweep(t.ctx, 's2', 10)).toEqual(['b']);
  });

  it('keeps the attempt mark until the delivery is recorded, then flags a disagreement', () => {
    recordResult(t.ctx, {
      submissionId: 'a',
      result: approvedResult('r1'),
      modelVersion: 'm',
      policyVersion: 'p',
      operatorId: null,
      capturedImage: new Uint8Array([0xff, 0xd8, 0xff, 1]),
    });
    expect(pushPayloads(t.ctx, ['r1'])[0]).toMatchObject({ lastAttemptAt: null });
    markPushAttempts(t.ctx, ['r1']);
    expect(pushPayloads(t.ctx, ['r1'])[0]?.lastAttemptAt).toBe(t.clock.now);
    const verdict = {
      source: 'post' as const,
      authentication_id: 'central-1',
      auth_status: 'rejected' as const,
      create_time: '2026-01-01T00:00:00.000Z',
      face_similarity_score: 10,
      fail_code: ['face_compare_underscore'],
    };
    expect(recordDeliveries(t.ctx, [{ authenticationId: 'r1', verdict }])).toEqual({
      recorded: 1,
      disagreements: 1,
    });
    expect(pushPayloads(t.ctx, ['r1'])[0]).toMatchObject({ lastAttemptAt: null });
    expect(readSyncCounts(t.ctx)).toMatchObject({ unsyncedResults: 0, openDisagreements: 1 });
  });
});
