// Each index a migration adds is there for a query; EXPLAIN QUERY PLAN on the statements the
// real query functions prepare proves SQLite uses it (a renamed column or a reworded WHERE that
// silently drops the index fails here, long before a store grows slow).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asWritable, type WritableDb } from '../../../src-main/database/db/sql';
import { MIGRATIONS } from '../../../src-main/database/migrations';
import { migrate } from '../../../src-main/database/migrations/runner';
import {
  eraseCapturedImagesOf,
  iterateResults,
  listOverrides,
  listRecentResults,
  purgeCapturedImages,
} from '../../../src-main/database/queries/results';
import { deleteErrorAttemptsBefore } from '../../../src-main/database/queries/error-attempts';
import { claimDue } from '../../../src-main/database/queries/outbox';
import { approvedNotInSweep } from '../../../src-main/database/queries/sync-submission-marks';
import { purgeStaleSubmissionBiometrics } from '../../../src-main/database/queries/submissions';
import { listOpenDisagreements } from '../../../src-main/database/queries/sync-disagreements';
import { plansOf } from '../../support/store/query-plan';

let db: WritableDb;
beforeEach(() => {
  db = asWritable(new Database(':memory:'));
  migrate(db, MIGRATIONS);
});
afterEach(() => db.close());

/** The plan lines of the single statement `run` prepares. */
function planOf(run: (db: WritableDb) => unknown): string {
  const plans = plansOf(db, run);
  expect(plans).toHaveLength(1);
  return plans[0]!.details.join('\n');
}

describe('index migrations are used by the queries that need them', () => {
  it('0001 submissions_template_retention: the template purge reads only biometric rows', () => {
    expect(planOf((d) => purgeStaleSubmissionBiometrics(d, 1_000, 2_000))).toMatch(
      /USING INDEX submissions_template_retention \(last_seen_at<\?\)/,
    );
  });

  it('0001 outbox_due: claiming due items walks the index from the oldest, no scan or sort', () => {
    const plan = planOf((d) => claimDue(d, 1_000, 50, 2_000));
    expect(plan).toMatch(/SEARCH outbox USING INDEX outbox_due \(next_attempt_at<\?\)/);
    expect(plan).not.toMatch(/SCAN outbox|TEMP B-TREE/);
  });

  it('0001 results_recorded_at: recent results and exports by date range', () => {
    expect(planOf((d) => listRecentResults(d, 50))).toMatch(/USING INDEX results_recorded_at/);
    expect(planOf((d) => [...iterateResults(d, 0, 1_000)])).toMatch(
      /SEARCH results USING INDEX results_recorded_at \(recorded_at>\? AND recorded_at<\?\)/,
    );
  });

  it('0001 results_submission: erasing one person finds their results by submission', () => {
    expect(planOf((d) => eraseCapturedImagesOf(d, 'sub-1', 1))).toMatch(
      /SEARCH results USING INDEX results_submission \(submission_id=\?\)/,
    );
  });

  it("0001 overrides_result: a result's overrides", () => {
    expect(planOf((d) => listOverrides(d, 'auth-1'))).toMatch(
      /SEARCH o USING INDEX overrides_result \(authentication_id=\?\)/,
    );
  });

  it('0004 results_with_image: the hourly image sweep reads only rows that hold an image', () => {
    for (const includeSynced of [true, false]) {
      expect(
        planOf((d) => purgeCapturedImages(d, { cutoff: 1_000, includeSynced }, 2_000)),
      ).toMatch(/SCAN results USING INDEX results_with_image/);
    }
  });

  it('0005 central_disagreements_open: the open disagreements a supervisor reviews', () => {
    expect(planOf((d) => listOpenDisagreements(d, 20))).toMatch(
      /USING INDEX central_disagreements_open/,
    );
  });

  it('0008 error_attempts_recorded_at: the retention sweep of failed attempts', () => {
    expect(planOf((d) => deleteErrorAttemptsBefore(d, 1_000))).toMatch(
      /SEARCH error_attempts USING INDEX error_attempts_recorded_at \(recorded_at<\?\)/,
    );
  });

  it('0009 drops sync_submission_marks_sweep: the sweep check joins marks by primary key', () => {
    const marksIndexes = (d: WritableDb): string[] =>
      (d.pragma('index_list(sync_submission_marks)') as { name: string }[]).map((i) => i.name);
    expect(marksIndexes(db)).not.toContain('sync_submission_marks_sweep');
    expect(planOf((d) => approvedNotInSweep(d, 'sweep-1', 50))).toMatch(
      /SEARCH m USING INDEX sqlite_autoindex_sync_submission_marks_1 \(submission_id=\?\)/,
    );
    // A station upgraded from 0008 had the index; 0009 removes it there too.
    const upgraded = asWritable(new Database(':memory:'));
    migrate(upgraded, MIGRATIONS.slice(0, 8));
    expect(marksIndexes(upgraded)).toContain('sync_submission_marks_sweep');
    expect(migrate(upgraded, MIGRATIONS).applied).toEqual(['0009-drop-unused-sweep-index']);
    expect(marksIndexes(upgraded)).not.toContain('sync_submission_marks_sweep');
    upgraded.close();
  });
});
