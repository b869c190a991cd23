// Results and the outbox: the record, its outbox item and its audit entry commit together or
// not at all, and an item leaves the outbox only when the central API confirms it.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src-main/audit/verify';
import { StoreError } from '../../../src-main/database/errors';
import {
  claimOutbox,
  confirmOutbox,
  countOutbox,
  failOutbox,
  parkOutbox,
  peekOutboxItems,
} from '../../../src-main/store/services/outbox';
import { capturedImage, getResult } from '../../../src-main/store/services/result-reads';
import { recordCentralVerdict, recordResult } from '../../../src-main/store/services/results';
import { openTestStore, type TestStore } from '../../support/store/context';
import { approvedResult, rejectedResult } from '../../support/store/fixtures';

let store: TestStore | undefined;
afterEach(() => store?.close());

const IMAGE = Buffer.from('fake-jpeg-bytes-'.repeat(40));

function record(s: TestStore, id: string, image: Uint8Array | null = IMAGE) {
  return recordResult(s.ctx, {
    submissionId: 'sub-1',
    result: id.startsWith('rej') ? rejectedResult(id) : approvedResult(id),
    requestFields: { userId: 'user-7', cf1: 'lane-2' },
    modelVersion: 'face-api-1.7.15',
    policyVersion: 'policy-85',
    operatorId: 'op-1',
    capturedImage: image,
  });
}

function count(s: TestStore, table: string): number {
  return (s.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('recording a result', () => {
  it('stores the exact FaceAuth JSON in documented field order, with its outbox item and audit entry', () => {
    store = openTestStore();
    record(store, 'rej-1');
    const stored = getResult(store.ctx, 'rej-1');
    expect(stored?.resultJson).toBe(
      '{"authentication_id":"rej-1","auth_status":"rejected","create_time":"2026-01-01T08:00:00.000Z",' +
        '"score":{"face_similarity_score":41.2},"fail_code":["face_compare_underscore"],' +
        '"rejected_comment":["Face compare similarity score is lower than the threshold"]}',
    );
    expect(stored).toMatchObject({
      stationId: 'station-test',
      operatorId: 'op-1',
      modelVersion: 'face-api-1.7.15',
    });
    expect(Buffer.from(capturedImage(store.ctx, 'rej-1') ?? [])).toEqual(IMAGE);
    const items = peekOutboxItems(store.ctx, 10, false);
    expect(items.map((i) => [i.kind, i.ref])).toEqual([
      ['result', 'rej-1'],
      ['audit', '1'],
    ]);
    expect(verifyAuditChain(store.db).entries).toBe(1);
  });

  it('rolls back the result when its outbox write fails (same transaction)', () => {
    store = openTestStore();
    // A stale outbox row with the same (kind, ref) makes the outbox insert violate UNIQUE.
    store.db
      .prepare(
        `INSERT INTO outbox (kind, ref, payload_json, created_at, next_attempt_at) VALUES ('result', 'dup', '{}', 0, 0)`,
      )
      .run();
    expect(() => record(store!, 'dup')).toThrow(/UNIQUE/);
    expect(count(store, 'results')).toBe(0);
    expect(count(store, 'audit_log')).toBe(0);
    expect(count(store, 'outbox')).toBe(1);
  });

  it('rolls back the result and outbox item when the audit append fails', () => {
    store = openTestStore();
    store.db.exec(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`,
    );
    expect(() => record(store!, 'a-1')).toThrow(/audit down/);
    expect(count(store, 'results')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
  });

  it('refuses a malformed result and a duplicate authentication_id', () => {
    store = openTestStore();
    const bad = { ...approvedResult('x'), create_time: 'yesterday' };
    expect(() =>
      recordResult(store!.ctx, {
        submissionId: 's',
        result: bad,
        modelVersion: 'm',
        policyVersion: 'p',
        operatorId: null,
      }),
    ).toThrow(StoreError);
    record(store, 'a-1');
    expect(() => record(store!, 'a-1')).toThrow(/already recorded/);
  });
});

describe('outbox', () => {
  it('claims due items with a lease, retries after a failure, and parks poison items', () => {
    store = openTestStore();
    record(store, 'a-1');
    record(store, 'a-2');
    const first = claimOutbox(store.ctx, 2, 30_000);
    expect(first.map((i) => i.ref)).toEqual(['a-1', '1']);
    // Leased items are not handed out twice.
    expect(claimOutbox(store.ctx, 10, 30_000).map((i) => i.ref)).toEqual(['a-2', '2']);
    const [resultItem, auditItem] = first;
    if (resultItem === undefined || auditItem === undefined)
      throw new Error('claim returned too little');
    failOutbox(store.ctx, resultItem.outboxId, 'HTTP 503', store.clock.now + 60_000);
    parkOutbox(store.ctx, auditItem.outboxId, 'HTTP 400 invalid_data_format');
    // 45 s: the second lease ran out, the failed item is not due yet.
    store.clock.advance(45_000);
    expect(claimOutbox(store.ctx, 10, 60_000).map((i) => i.ref)).toEqual(['a-2', '2']);
    // 65 s: the failed item is due again, with its attempt recorded.
    store.clock.advance(20_000);
    const retried = claimOutbox(store.ctx, 10, 60_000);
    expect(retried.map((i) => [i.ref, i.attempts, i.lastError])).toEqual([['a-1', 1, 'HTTP 503']]);
    expect(countOutbox(store.ctx)).toEqual({ pending: 3, parked: 1 });
    expect(peekOutboxItems(store.ctx, 10, true).find((i) => i.parkedAt !== null)?.parkReason).toBe(
      'HTTP 400 invalid_data_format',
    );
  });

  it('removes items only on confirmation, marks the result synced and purges its image', () => {
    store = openTestStore();
    record(store, 'a-1');
    const items = claimOutbox(store.ctx, 10, 1000);
    expect(count(store, 'outbox')).toBe(2);
    confirmOutbox(
      store.ctx,
      items.map((i) => i.outboxId),
    );
    // What remains is the audit entry of the image purge that the confirmation caused.
    const left = peekOutboxItems(store.ctx, 10, true);
    expect(left.map((i) => i.kind)).toEqual(['audit']);
    expect(left[0]?.payload).toMatchObject({ kind: 'purge' });
    const stored = getResult(store.ctx, 'a-1');
    expect(stored).toMatchObject({ hasCapturedImage: false, syncedAt: store.clock.now });
    expect(stored?.imagePurgedAt).toBe(store.clock.now);
    // The confirmed audit item moved the synced head.
    expect(store.db.prepare(`SELECT seq FROM audit_synced_head`).get()).toEqual({ seq: 1 });
  });

  it('records the central verdict and confirms the result in one step', () => {
    store = openTestStore();
    record(store, 'a-1');
    recordCentralVerdict(store.ctx, 'a-1', {
      auth_status: 'approved',
      score: { face_similarity_score: 98 },
    });
    expect(getResult(store.ctx, 'a-1')?.centralVerdict).toEqual({
      auth_status: 'approved',
      score: { face_similarity_score: 98 },
    });
    expect(peekOutboxItems(store.ctx, 10, true).map((i) => i.kind)).not.toContain('result');
  });
});
