// Verifications that ended in a FaceAuth error, on a real SQLite file: each one is a row (who,
// when, which id, which code) written with its audit entry, searchable like results, never in
// the outbox, holding nothing biometric, and deleted by retention after the image window.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src-main/audit/verify';
import type { ErrorAttemptSearch } from '../../../src-main/database/queries/error-attempts';
import { insertOperator } from '../../../src-main/database/queries/operators';
import {
  recordDecisionError,
  searchErrorAttempts,
} from '../../../src-main/store/services/error-attempts';
import { runRetention } from '../../../src-main/store/services/retention';
import { faceAuthError } from '../../../src-shared/faceauth/result';
import { DAY_MS, openTestStore, type TestStore } from '../../support/store/context';

let store: TestStore | undefined;
afterEach(() => store?.close());

function seed(): TestStore {
  const s = openTestStore();
  insertOperator(s.db, {
    operatorId: 'op-dana',
    username: 'desk1',
    displayName: 'Dana Desk',
    role: 'operator',
    passwordHash: 'not-a-real-hash',
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: 0,
    disabledAt: null,
  });
  return s;
}

const everything: ErrorAttemptSearch = {
  submissionId: null,
  operatorId: null,
  operatorName: null,
  from: 0,
  to: Number.MAX_SAFE_INTEGER,
  limit: 50,
};

describe('error attempts', () => {
  it('records who, when, which id and which code, with an audit entry and no FaceAuth result to push', () => {
    store = seed();
    recordDecisionError(store.ctx, {
      submissionId: 'KYC-Abc-1',
      error: faceAuthError('no_face'),
      operatorId: 'op-dana',
    });
    const [attempt] = searchErrorAttempts(store.ctx, everything);
    expect(attempt).toMatchObject({
      submissionId: 'KYC-Abc-1',
      errorCode: 'no_face',
      operatorId: 'op-dana',
      operatorName: 'Dana Desk',
      recordedAt: store.clock.now,
    });
    // Nothing for POST /v3/faceauth: only the audit entry, which the audit chain syncs as always.
    const queued = store.db.prepare(`SELECT kind FROM outbox`).all() as { kind: string }[];
    expect(queued.map((item) => item.kind)).toEqual(['audit']);
    const columns = (
      store.db.prepare(`SELECT name FROM pragma_table_info('error_attempts')`).all() as {
        name: string;
      }[]
    ).map((column) => column.name);
    expect(columns.filter((name) => /image|template|score|thumb/i.test(name))).toEqual([]);
    const audit = store.db
      .prepare(`SELECT payload_json FROM audit_log WHERE kind = 'decision'`)
      .all() as { payload_json: string }[];
    expect(audit.map((row) => JSON.parse(row.payload_json) as unknown)).toEqual([
      expect.objectContaining({ attemptId: attempt?.attemptId, errorCode: 'no_face' }),
    ]);
    expect(verifyAuditChain(store.db).ok).toBe(true);
  });

  it('is found by any part of the id or the operator’s name, in any case, and by day', () => {
    store = seed();
    for (const [id, code] of [
      ['KYC-Abc-1', 'no_face'],
      ['other', 'Invalid_submissionId'],
    ] as const) {
      recordDecisionError(store.ctx, {
        submissionId: id,
        error: faceAuthError(code),
        operatorId: 'op-dana',
      });
      store.clock.advance(1000);
    }
    const ids = (filter: Partial<ErrorAttemptSearch>) =>
      searchErrorAttempts(store!.ctx, { ...everything, ...filter }).map((a) => a.submissionId);
    expect(ids({ submissionId: 'abc' })).toEqual(['KYC-Abc-1']);
    expect(ids({ operatorName: 'dana d' })).toEqual(['other', 'KYC-Abc-1']);
    expect(ids({ operatorName: 'nobody' })).toEqual([]);
    expect(ids({ from: store.clock.now })).toEqual([]);
  });

  it('refuses something that is not a FaceAuth error', () => {
    store = seed();
    expect(() =>
      recordDecisionError(store!.ctx, {
        submissionId: 'x',
        error: { errorCode: 'made_up', message: 'no' } as never,
        operatorId: null,
      }),
    ).toThrow(/not a FaceAuth error/);
    expect(searchErrorAttempts(store.ctx, everything)).toEqual([]);
  });

  it('is deleted by retention after the captured-image window, and the deletion audited', () => {
    store = seed();
    recordDecisionError(store.ctx, {
      submissionId: 'old',
      error: faceAuthError('no_face'),
      operatorId: null,
    });
    store.clock.advance(29 * DAY_MS);
    recordDecisionError(store.ctx, {
      submissionId: 'recent',
      error: faceAuthError('no_face'),
      operatorId: null,
    });
    store.clock.advance(2 * DAY_MS);
    expect(runRetention(store.ctx).errorAttemptsRemoved).toBe(1);
    expect(searchErrorAttempts(store.ctx, everything).map((a) => a.submissionId)).toEqual([
      'recent',
    ]);
    const purges = store.db
      .prepare(`SELECT payload_json FROM audit_log WHERE kind = 'purge'`)
      .all() as { payload_json: string }[];
    expect(purges.map((row) => JSON.parse(row.payload_json) as unknown)).toContainEqual({
      what: 'error_attempts',
      reason: 'retention',
      count: 1,
    });
  });
});
