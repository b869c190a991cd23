// faceauth-station eval negative --data DIR [--reference IMG] --json
// Feeds every file of DIR/labels.csv (facedata/negative: corrupt, wrong format, bombs, no face,
// several faces…) to verify against a reference template, and checks the issue-3 promises: each
// gets a FaceAuth answer within 2 s, nothing crashes, and no `reject:*` row is approved.
import fs from 'node:fs';
import path from 'node:path';
import { isFaceAuthError } from '../../../src-shared/faceauth/result';
import { createFaceEngine, DEFAULT_POLICY } from '../../../src-main/engine';
import { requireValue } from '../../shared/args';
import { UsageError, type Command } from '../command';
import { readLabels } from '../../shared/labels-csv';
import { cliLogger } from '../../shared/logger';
import { resolveLabelPath } from './eval-verify';

export const NEGATIVE_TIME_LIMIT_MS = 2000;

export interface NegativeRow {
  path: string;
  label: string;
  expected: string;
  answer: string;
  ms: number;
}

export interface NegativeReport {
  files: number;
  answered: number;
  crashes: number;
  max_ms: number;
  over_limit: string[];
  reject_rows: number;
  reject_rows_approved: string[];
  rows: NegativeRow[];
}

function defaultReference(dataDir: string): string {
  return path.join(path.dirname(dataDir), 'verification', 'deepface', 'angelina_jolie', 'img1.jpg');
}

export const evalNegativeCommand: Command = {
  words: ['eval', 'negative'],
  summary: 'hostile and unusual inputs: every file answered in 2 s, reject:* rows never approved',
  usage: 'eval negative --data DIR [--reference IMG] [--json] [--verbose]',
  valueOptions: ['data', 'reference'],
  async run(args, io) {
    const dataDir = requireValue(args, 'data');
    const labelsFile = path.join(dataDir, 'labels.csv');
    if (!fs.existsSync(labelsFile)) throw new UsageError(`${labelsFile} not found`);
    const referenceFile = args.values.get('reference') ?? defaultReference(dataDir);
    if (!fs.existsSync(referenceFile)) throw new UsageError(`reference ${referenceFile} not found`);
    // One worker, one file at a time: the time measured is the file's own, not queueing.
    const engine = await createFaceEngine({
      workers: 1,
      logger: cliLogger(args.flags.has('verbose')),
    });
    const rows: NegativeRow[] = [];
    let crashes = 0;
    try {
      const enrolled = await engine.enroll(new Uint8Array(fs.readFileSync(referenceFile)));
      if (!enrolled.ok) throw new Error(`reference did not enrol: ${enrolled.error.errorCode}`);
      for (const label of readLabels(labelsFile)) {
        const bytes = new Uint8Array(fs.readFileSync(resolveLabelPath(dataDir, label.path ?? '')));
        const started = performance.now();
        let answer: string;
        try {
          const outcome = await engine.verify({
            faceImage: bytes,
            templates: [enrolled.template],
            policy: DEFAULT_POLICY,
          });
          answer = isFaceAuthError(outcome) ? outcome.errorCode : outcome.auth_status;
        } catch (err) {
          crashes++;
          answer = `crash: ${err instanceof Error ? err.message : String(err)}`;
        }
        rows.push({
          path: label.path ?? '',
          label: label.label ?? '',
          expected: label.expected_handling ?? '',
          answer,
          ms: Math.round(performance.now() - started),
        });
      }
      crashes += engine.diagnostics().workersReplaced;
    } finally {
      await engine.close();
    }
    // `reject:<why>` and bare `reject` rows must never be approved; `reject_or_*` leave a choice.
    const rejectRows = rows.filter(
      (r) => r.expected === 'reject' || r.expected.startsWith('reject:'),
    );
    const report: NegativeReport = {
      files: rows.length,
      answered: rows.filter((r) => !r.answer.startsWith('crash')).length,
      crashes,
      max_ms: Math.max(0, ...rows.map((r) => r.ms)),
      over_limit: rows.filter((r) => r.ms > NEGATIVE_TIME_LIMIT_MS).map((r) => r.path),
      reject_rows: rejectRows.length,
      reject_rows_approved: rejectRows.filter((r) => r.answer === 'approved').map((r) => r.path),
      rows,
    };
    io.out(args.flags.has('json') ? JSON.stringify(report) : JSON.stringify(report, null, 2));
    const ok =
      crashes === 0 && report.over_limit.length === 0 && report.reject_rows_approved.length === 0;
    return ok ? 0 : 1;
  },
};
