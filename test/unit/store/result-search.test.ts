// History search as people use it, on a real SQLite file: any part of the id in any case, the
// operator by name, LIKE's wildcards taken literally, and the names of the operator and of the
// supervisor who approved an override come back with each result.
import { afterEach, describe, expect, it } from 'vitest';
import { insertOperator } from '../../../src-main/database/queries/operators';
import { insertOverride } from '../../../src-main/database/queries/results';
import { searchResults } from '../../../src-main/store/services/result-search';
import { getResult } from '../../../src-main/store/services/result-reads';
import { recordResult } from '../../../src-main/store/services/results';
import { openTestStore, type TestStore } from '../../support/store/context';
import { approvedResult, rejectedResult } from '../../support/store/fixtures';

let store: TestStore | undefined;
afterEach(() => store?.close());

function operator(s: TestStore, id: string, username: string, displayName: string): void {
  insertOperator(s.db, {
    operatorId: id,
    username,
    displayName,
    role: id === 'op-super' ? 'supervisor' : 'operator',
    passwordHash: 'not-a-real-hash',
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: 0,
    disabledAt: null,
  });
}

function seed(): TestStore {
  const s = openTestStore();
  operator(s, 'op-dana', 'desk1', 'Dana Desk');
  operator(s, 'op-kim', 'desk2', '김민수');
  operator(s, 'op-super', 'super1', 'Sam Supervisor');
  const rows = [
    ['a-1', 'KYC-2026-ABC_1', 'op-dana', 'approved'],
    ['a-2', 'KYC-2026-ABCX1', 'op-kim', 'rejected'],
    ['a-3', 'other-id', 'op-dana', 'rejected'],
  ] as const;
  for (const [id, submissionId, operatorId, status] of rows) {
    recordResult(s.ctx, {
      submissionId,
      result: status === 'approved' ? approvedResult(id) : rejectedResult(id),
      modelVersion: 'm',
      policyVersion: 'p',
      operatorId,
    });
    s.clock.advance(1000);
  }
  return s;
}

const search = (s: TestStore, filter: { submissionId?: string; operatorName?: string }) =>
  searchResults(s.ctx, {
    submissionId: filter.submissionId ?? null,
    operatorId: null,
    operatorName: filter.operatorName ?? null,
    status: null,
    from: 0,
    to: Number.MAX_SAFE_INTEGER,
    limit: 50,
  })
    .map((row) => row.authenticationId)
    .sort();

describe('history search', () => {
  it('finds ids by any part, in any case', () => {
    store = seed();
    expect(search(store, { submissionId: 'kyc-2026' })).toEqual(['a-1', 'a-2']);
    expect(search(store, { submissionId: 'abcx' })).toEqual(['a-2']);
    expect(search(store, { submissionId: 'OTHER-ID' })).toEqual(['a-3']);
  });

  it('takes % and _ literally, not as wildcards', () => {
    store = seed();
    // Unescaped, "_" would match any character and find KYC-2026-ABCX1 as well.
    expect(search(store, { submissionId: 'abc_' })).toEqual(['a-1']);
    expect(search(store, { submissionId: '%' })).toEqual([]);
  });

  it('filters by the operator’s name or username, not an internal id', () => {
    store = seed();
    expect(search(store, { operatorName: 'dana' })).toEqual(['a-1', 'a-3']);
    expect(search(store, { operatorName: 'DESK2' })).toEqual(['a-2']);
    expect(search(store, { operatorName: '민수' })).toEqual(['a-2']);
    expect(search(store, { operatorName: 'nobody' })).toEqual([]);
  });

  it('names the operator and the supervisor who approved an override', () => {
    store = seed();
    insertOverride(store.db, {
      authentication_id: 'a-2',
      supervisor_id: 'op-super',
      decision: 'approved',
      reason: 'identity_confirmed_by_document: Passport',
      created_at: store.clock.now,
    });
    const result = getResult(store.ctx, 'a-2');
    expect(result?.operatorName).toBe('김민수');
    expect(result?.overrides.map((o) => o.supervisorName)).toEqual(['Sam Supervisor']);
  });
});
