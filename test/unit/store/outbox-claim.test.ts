// Which outbox items a claim takes: due ones, longest due first (the order of the outbox_due
// index), so an item backing off after a failure does not hold its place ahead of items that
// have been waiting longer; never parked, not-yet-due or leased items.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asWritable, type WritableDb } from '../../../src-main/database/db/sql';
import { MIGRATIONS } from '../../../src-main/database/migrations';
import { migrate } from '../../../src-main/database/migrations/runner';
import {
  claimDue,
  insertOutbox,
  recordOutboxFailure,
} from '../../../src-main/database/queries/outbox';

let db: WritableDb;
beforeEach(() => {
  db = asWritable(new Database(':memory:'));
  migrate(db, MIGRATIONS);
});
afterEach(() => db.close());

const add = (ref: string, at: number): number =>
  insertOutbox(db, { kind: 'result', ref, payloadJson: '{}' }, at);
const refs = (items: { ref: string }[]): string[] => items.map((item) => item.ref);

describe('claimDue', () => {
  it('takes the longest-due items first, then returns them in the order they were written', () => {
    const failed = add('a', 1_000);
    add('b', 2_000);
    add('c', 3_000);
    // 'a' failed and backs off until 2_500: 'b' has been due longer.
    recordOutboxFailure(db, failed, 'timeout', 2_500);
    expect(refs(claimDue(db, 10_000, 1, 20_000))).toEqual(['b']);
    expect(refs(claimDue(db, 10_000, 2, 20_000))).toEqual(['a', 'c']);
  });

  it('skips items not yet due and items another claimer holds until the lease ends', () => {
    add('a', 1_000);
    add('b', 5_000);
    expect(refs(claimDue(db, 2_000, 10, 3_000))).toEqual(['a']);
    expect(claimDue(db, 2_500, 10, 3_500)).toEqual([]);
    expect(refs(claimDue(db, 5_000, 10, 6_000))).toEqual(['a', 'b']);
  });
});
