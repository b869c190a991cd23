// Purge proof (issue 5): a marker template and a marker captured image are planted among
// thousands of other rows, expire under the retention policy, and are purged; afterwards not one
// 16-byte window of their stored ciphertext (nor their plaintext) is found in the database, its
// WAL or a rollback journal. Prints the figures as one JSON line.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runRetention } from '../../../src-main/store/services/retention';
import { recordResult } from '../../../src-main/store/services/results';
import {
  changeSubmissionStatus,
  lookupSubmission,
  upsertSubmissions,
  type SubmissionInput,
} from '../../../src-main/store/services/submissions';
import { DAY_MS, openTestStore, POLICY_85, type TestStore } from '../../support/store/context';
import { filesContaining } from '../../support/store/files';
import { approvedResult } from '../../support/store/fixtures';

let store: TestStore | undefined;
afterEach(() => store?.close());

function others(count: number, seenAt: number): SubmissionInput[] {
  return Array.from({ length: count }, (_, i) => ({
    submissionId: `other-${i}`,
    status: 'approved',
    policy: POLICY_85,
    templates: { modelVersion: 'm1', data: randomBytes(512) },
    seenAt,
  }));
}

/** Every 16-byte window at a 16-byte stride, so a partial leftover is caught too. */
function windows(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i + 16 <= bytes.length; i += 16) out.push(bytes.subarray(i, i + 16));
  return out;
}

function leftovers(dbPath: string, needles: Buffer[]): string[] {
  return [...new Set(needles.flatMap((needle) => filesContaining(dbPath, needle)))];
}

function rawBlob(s: TestStore, sql: string): Buffer {
  const row = s.db.prepare(sql).get() as { blob: Buffer | null } | undefined;
  if (row?.blob == null) throw new Error(`no blob for ${sql}`);
  return Buffer.from(row.blob);
}

const MARKER = Buffer.from('MARKER-TEMPLATE-'.repeat(32));
const MARKER_IMAGE = Buffer.from('MARKER-CAPTURED-IMAGE-'.repeat(40));

describe('retention purge leaves no byte behind', () => {
  it('purges an expired template and captured image from the db, WAL and journal files', () => {
    store = openTestStore();
    const t0 = store.clock.now;
    upsertSubmissions(store.ctx, others(1500, t0));
    upsertSubmissions(store.ctx, [
      {
        submissionId: 'marker',
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'm1', data: MARKER },
        seenAt: t0,
      },
    ]);
    const late = (seenAt: number): SubmissionInput[] =>
      others(1500, seenAt).map((o) => ({ ...o, submissionId: `late-${o.submissionId}` }));
    upsertSubmissions(store.ctx, late(t0));
    recordResult(store.ctx, {
      submissionId: 'marker',
      result: approvedResult('auth-marker'),
      modelVersion: 'm1',
      policyVersion: 'p1',
      operatorId: 'op',
      capturedImage: MARKER_IMAGE,
    });
    const templateCipher = rawBlob(
      store,
      `SELECT templates_enc AS blob FROM submissions WHERE submission_id = 'marker'`,
    );
    const imageCipher = rawBlob(
      store,
      `SELECT captured_image_enc AS blob FROM results WHERE authentication_id = 'auth-marker'`,
    );
    // Copy the planted pages into the main file too, so the purge must clean the db, not only the WAL.
    store.db.pragma('wal_checkpoint(PASSIVE)');
    const needles = [
      ...windows(templateCipher),
      ...windows(imageCipher),
      MARKER.subarray(0, 32),
      MARKER_IMAGE.subarray(0, 32),
    ];
    const before = {
      template: leftovers(store.dbPath, windows(templateCipher)),
      image: leftovers(store.dbPath, windows(imageCipher)),
      plaintext: leftovers(store.dbPath, [MARKER.subarray(0, 32), MARKER_IMAGE.subarray(0, 32)]),
    };
    // The search must be able to see the marker before the purge, or its silence proves nothing.
    expect(before.template.length).toBeGreaterThan(0);
    expect(before.image.length).toBeGreaterThan(0);
    expect(before.plaintext).toEqual([]);

    // 91 days later the others were seen again by sync; the marker was not.
    store.clock.advance(91 * DAY_MS);
    upsertSubmissions(store.ctx, [...others(1500, store.clock.now), ...late(store.clock.now)]);
    const report = runRetention(store.ctx);
    expect(report).toMatchObject({ imagesPurged: 1, templatesPurged: 1, walTruncated: true });
    expect(lookupSubmission(store.ctx, 'marker')).toMatchObject({ found: true, templates: null });

    const walBytes = existsSync(`${store.dbPath}-wal`) ? statSync(`${store.dbPath}-wal`).size : 0;
    const after = leftovers(store.dbPath, needles);
    // The data survives a reopen too (no resurrection from an old frame).
    store.db.close();
    const reopened = new Database(store.dbPath, { readonly: true });
    const stillThere = reopened.prepare(`SELECT count(*) AS n FROM submissions`).get();
    reopened.close();
    const afterReopen = leftovers(store.dbPath, needles);

    console.log(
      JSON.stringify({
        purge: {
          rows: 3001,
          windows_checked: needles.length,
          found_before: before,
          purged: report,
          wal_bytes_after: walBytes,
          found_after: after,
          found_after_reopen: afterReopen,
        },
      }),
    );
    expect(after).toEqual([]);
    expect(afterReopen).toEqual([]);
    expect(walBytes).toBe(0);
    expect(stillThere).toEqual({ n: 3001 });
  });

  it('purges at once when a submission is revoked, and retention then clears the WAL', () => {
    store = openTestStore();
    upsertSubmissions(store.ctx, others(500, store.clock.now));
    upsertSubmissions(store.ctx, [
      {
        submissionId: 'marker',
        status: 'approved',
        policy: POLICY_85,
        templates: { modelVersion: 'm1', data: MARKER },
      },
    ]);
    const cipher = rawBlob(
      store,
      `SELECT templates_enc AS blob FROM submissions WHERE submission_id = 'marker'`,
    );
    expect(leftovers(store.dbPath, windows(cipher)).length).toBeGreaterThan(0);
    changeSubmissionStatus(store.ctx, 'marker', 'rejected');
    // The revoked row is unusable at once; the WAL may still hold its old page until the checkpoint.
    expect(lookupSubmission(store.ctx, 'marker')).toMatchObject({ templates: null });
    expect(runRetention(store.ctx).walTruncated).toBe(true);
    expect(leftovers(store.dbPath, windows(cipher))).toEqual([]);
  });
});
