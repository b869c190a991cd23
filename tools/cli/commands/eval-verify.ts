// faceauth-station eval verify --data DIR --json [--workers N] [--write-calibration FILE]
// Enrolls every image of DIR/labels.csv (path, identity), scores ALL genuine and impostor pairs
// and prints the report of issue 3. --write-calibration refits the score calibration's knots on
// this run's impostor distances (how src-main/engine/calibration/score-calibration.json is made);
// --score-table adds FMR and FNMR at round thresholds (the table in docs/engine.md);
// --no-covered runs the engine without the covered-face stage (loadCovered: false). With the stage,
// `without_covered_stage` gives the FNMR over exactly the pairs the run without it compares
// (evaluation/stage-pairs.ts), so "no worse" compares like with like. --timeout-ms: the pool's
// per-task limit (default the engine's 10 s); on a loaded machine a longer one keeps a slow image
// from counting as a failure to enrol (detection_server_error).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createFaceEngine,
  DEFAULT_POLICY,
  DEFAULT_TASK_TIMEOUT_MS,
  SHIPPED_CALIBRATION,
  TEMPLATE_MODEL,
} from '../../../src-main/engine';
import { fitCalibration } from '../../evaluation/fit-calibration';
import { genuinePairCount, pairDistances } from '../../evaluation/pair-scores';
import {
  scoreTable,
  verificationReport,
  type ScoreTableRow,
  type VerificationReport,
} from '../../evaluation/verification-report';
import {
  stagePairsReport,
  type StagedSample,
  type StagePairsReport,
} from '../../evaluation/stage-pairs';
import { intOption, requireValue } from '../../shared/args';
import { UsageError, type Command } from '../command';
import { mapLimited } from '../../../src-shared/map-limited';
import { readLabels } from '../../shared/labels-csv';
import { cliLogger } from '../../shared/logger';

/** labels.csv paths are relative to the facedata root, i.e. DIR's parent; accept DIR too. */
export function resolveLabelPath(dataDir: string, relative: string): string {
  const inDir = path.join(dataDir, relative);
  return fs.existsSync(inDir) ? inDir : path.join(path.dirname(dataDir), relative);
}

export const evalVerifyCommand: Command = {
  words: ['eval', 'verify'],
  summary: 'verification accuracy over all genuine and impostor pairs of a labelled set',
  usage:
    'eval verify --data DIR [--json] [--workers N] [--write-calibration FILE] [--score-table] [--no-covered] [--timeout-ms N] [--verbose]',
  valueOptions: ['data', 'workers', 'write-calibration', 'timeout-ms'],
  async run(args, io) {
    const dataDir = requireValue(args, 'data');
    const labelsFile = path.join(dataDir, 'labels.csv');
    if (!fs.existsSync(labelsFile)) throw new UsageError(`${labelsFile} not found`);
    const rows = readLabels(labelsFile);
    const verbose = args.flags.has('verbose');
    const workers = intOption(args, 'workers', os.availableParallelism());
    const engine = await createFaceEngine({
      workers,
      logger: cliLogger(verbose),
      loadCovered: !args.flags.has('no-covered'),
      taskTimeoutMs: intOption(args, 'timeout-ms', DEFAULT_TASK_TIMEOUT_MS),
    });
    const samples: StagedSample[] = [];
    const failures: { path: string; code: string }[] = [];
    try {
      await mapLimited(rows, workers * 2, async (row) => {
        const file = resolveLabelPath(dataDir, row.path ?? '');
        const enrolled = await engine.enroll(new Uint8Array(fs.readFileSync(file)));
        if (enrolled.ok) {
          samples.push({
            identity: row.identity ?? '',
            descriptor: enrolled.template.descriptor,
            detectionStage: enrolled.detectionStage,
          });
        } else {
          failures.push({ path: row.path ?? '', code: enrolled.error.errorCode });
        }
      });
    } finally {
      await engine.close();
    }
    const distances = pairDistances(samples);
    let calibration = SHIPPED_CALIBRATION;
    const calibrationFile = args.values.get('write-calibration');
    if (calibrationFile !== undefined) {
      calibration = fitCalibration(TEMPLATE_MODEL, distances.impostor);
      fs.writeFileSync(calibrationFile, `${JSON.stringify(calibration, null, 2)}\n`);
    } else if (calibration.model !== TEMPLATE_MODEL) {
      io.err(
        `warning: shipped calibration is for ${calibration.model}, engine is ${TEMPLATE_MODEL}`,
      );
    }
    const report: VerificationReport & {
      score_table?: ScoreTableRow[];
      without_covered_stage?: StagePairsReport;
    } = verificationReport(
      rows.length,
      failures.length,
      distances,
      calibration,
      DEFAULT_POLICY.faceSimilarity_threshold,
      genuinePairCount(rows.map((row) => row.identity ?? '')),
    );
    if (args.flags.has('score-table')) report.score_table = scoreTable(distances, calibration);
    if (!args.flags.has('no-covered')) {
      report.without_covered_stage = stagePairsReport(
        samples,
        'covered',
        calibration,
        report.threshold_at_fmr['1e-3'],
      );
    }
    if (verbose) {
      for (const f of failures.sort((a, b) => a.path.localeCompare(b.path))) {
        io.err(`failed to enrol: ${f.path} (${f.code})`);
      }
    }
    io.out(args.flags.has('json') ? JSON.stringify(report) : JSON.stringify(report, null, 2));
    return 0;
  },
};
