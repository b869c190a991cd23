// Issue 3, Done-when: every file of facedata/negative gets a FaceAuth answer within 2 s with no
// crash, and no `reject:*` row is approved. Runs the real CLI command (`eval negative`).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import type { NegativeReport } from '../../../src-main/cli/commands/eval-negative';
import { FACEDATA, HAS_FACEDATA, SKIP_NOTE } from './facedata-guard';

describe.skipIf(!HAS_FACEDATA)(`negative set${SKIP_NOTE}`, () => {
  it('answers every file in time, never crashes, never approves a reject row', async () => {
    let out = '';
    const code = await runCli(
      ['eval', 'negative', '--data', path.join(FACEDATA, 'negative'), '--json'],
      {
        out: (t) => (out += t),
        err: () => undefined,
      },
    );
    const report = JSON.parse(out) as NegativeReport;
    expect(report.files).toBeGreaterThanOrEqual(60);
    expect(report.answered).toBe(report.files);
    expect(report.crashes).toBe(0);
    expect(report.reject_rows).toBeGreaterThan(30);
    expect(report.reject_rows_approved).toEqual([]);
    expect(report.over_limit).toEqual([]);
    for (const row of report.rows) {
      expect(row.answer, row.path).toMatch(
        /^(approved|rejected|image_converting_error|image_processing_error|no_face)$/,
      );
    }
    expect(code).toBe(0);
  }, 240_000);
});
