// The delivery check itself, on hand-made records: each way of going wrong is counted.
import { describe, expect, it } from 'vitest';
import { checkDelivery, type CentralRecord } from '../../../src-main/sync/delivery-audit';
import type { DeliveryRecord } from '../../../src-main/store/services/sync-state';

const S = 'st-1';
const local = (id: string, centralId: string | null, synced = true): DeliveryRecord => ({
  authenticationId: id,
  submissionId: 'sub',
  authStatus: 'approved',
  requestFields: {},
  syncedAt: synced ? 1 : null,
  centralVerdict: centralId === null ? null : { authentication_id: centralId },
  latestOverride: null,
});
const central = (id: string, cf2: string, extra: Partial<CentralRecord> = {}): CentralRecord => ({
  authenticationId: id,
  submissionId: 'sub',
  cf1: S,
  cf2,
  cf3: null,
  ...extra,
});

describe('checkDelivery', () => {
  it('is all zero when each result has exactly its one record', () => {
    expect(checkDelivery([local('a', 'A')], [central('A', 'a')], S)).toEqual({
      results: 1,
      central_records: 1,
      duplicates: 0,
      missing: 0,
      mismatched: 0,
      pending: 0,
    });
  });

  it.each([
    ['duplicate', [local('a', 'A')], [central('A', 'a'), central('A2', 'a')], { duplicates: 1 }],
    ['missing', [local('a', null, false)], [], { missing: 1, pending: 1 }],
    [
      'wrong submission',
      [local('a', 'A')],
      [central('A', 'a', { submissionId: 'x' })],
      { mismatched: 1 },
    ],
    ['verdict of another record', [local('a', 'B')], [central('A', 'a')], { mismatched: 1 }],
    [
      'unknown central record',
      [local('a', 'A')],
      [central('A', 'a'), central('Z', 'zz')],
      { mismatched: 1 },
    ],
    [
      'other station ignored',
      [local('a', 'A')],
      [central('A', 'a'), central('Q', 'a', { cf1: 'other' })],
      { duplicates: 0 },
    ],
  ])('%s', (_name, locals, centrals, expected) => {
    expect(checkDelivery(locals, centrals, S)).toMatchObject(expected);
  });
});
