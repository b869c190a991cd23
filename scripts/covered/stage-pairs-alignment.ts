// Experiment of docs/covered-faces.md ("FNMR, like for like"): do the genuine pairs the covered
// stage adds to `eval verify` fare better when its faces are aligned on the face mesh? Analyses,
// in-process (no pool, so no task timeout under load), every image of the identities given, twice:
// faces only the covered stage finds aligned on the face mesh (as shipped) and on the 68-point net
// (meshLandmarksFor 'never'); prints each genuine pair with a stage image and its score both ways.
//   node --import tsx scripts/covered/stage-pairs-alignment.ts ../shared/facedata/verification \
//     THRESHOLD IDENTITY...
import fs from 'node:fs';
import path from 'node:path';
import { distanceToScore } from '../../src-main/engine/calibration/score-calibration';
import { euclidean } from '../../src-main/engine/match/descriptor-distance';
import { analyzeFace, type FaceAnalysis } from '../../src-main/engine/pipeline/face-pipeline';
import {
  DEFAULT_PIPELINE_CONFIG,
  type PipelineConfig,
} from '../../src-main/engine/pipeline/pipeline-config';
import { readLabels } from '../../tools/shared/labels-csv';
import { resolveLabelPath } from '../../tools/cli/commands/eval-verify';
import { loadStationNetworks } from './load-station-networks';

const [dataArg, thresholdArg, ...identities] = process.argv.slice(2);
if (dataArg === undefined || thresholdArg === undefined || identities.length === 0) {
  console.error('usage: stage-pairs-alignment.ts DATA_DIR THRESHOLD IDENTITY...');
  process.exit(2);
}
const threshold = Number(thresholdArg);
const { nets } = await loadStationNetworks();
const rows = readLabels(path.join(dataArg, 'labels.csv')).filter((r) =>
  identities.includes(r.identity ?? ''),
);
const variants: Record<string, PipelineConfig> = {
  mesh: DEFAULT_PIPELINE_CONFIG,
  net68: { ...DEFAULT_PIPELINE_CONFIG, meshLandmarksFor: 'never' },
};
type Row = { path: string; identity: string; by: Record<string, FaceAnalysis | undefined> };
const analysed: Row[] = [];
for (const row of rows) {
  const bytes = new Uint8Array(fs.readFileSync(resolveLabelPath(dataArg, row.path ?? '')));
  const by: Row['by'] = {};
  for (const [name, cfg] of Object.entries(variants)) {
    by[name] = await analyzeFace(nets, bytes, cfg).catch(() => undefined);
  }
  analysed.push({ path: row.path ?? '', identity: row.identity ?? '', by });
}
const summary: Record<string, { pairs: number; rejected: number }> = {};
analysed.forEach((a, i) => {
  for (const b of analysed.slice(i + 1)) {
    if (a.identity !== b.identity) continue;
    const staged = [a, b].some((r) => r.by.mesh?.detectionStage === 'covered');
    if (!staged) continue;
    const scores = Object.keys(variants).map((name) => {
      const da = a.by[name]?.descriptor;
      const db = b.by[name]?.descriptor;
      const score = da && db ? distanceToScore(euclidean(da, db)) : undefined;
      const s = (summary[name] ??= { pairs: 0, rejected: 0 });
      s.pairs++;
      if (score === undefined || score < threshold) s.rejected++;
      return `${name} ${score?.toFixed(2) ?? 'n/a'}`;
    });
    console.log(`${scores.join('  ')}  ${a.path} ~ ${b.path}`);
  }
});
console.log(JSON.stringify({ threshold, summary }));
process.exit(0);
