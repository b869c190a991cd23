// Is comparing a small face safe? (docs/covered-faces.md, "Is comparing a small face safe?")
// Every image of DATA/labels.csv is enrolled at full size (the references). Then each image, as a
// PROBE, is shrunk as a whole (lanczos3, i.e. antialiased, as a far-away person appears) so that
// its eyes are N px apart, set in the middle of a mid-grey canvas of at least CANVAS px a side (so
// that the image-size rule plays no part), analysed by the station's pipeline with the eye
// distance gate OFF, and compared with the full-size references of every identity (itself
// excluded). Prints JSON: per N, impostor acceptance and genuine FNMR at the shipped policy
// threshold (calibrated score) and at the full-size FMR 1e-3 distance threshold, failures to
// enrol by code, and the eye distance the landmarks measured.
//   node --import tsx scripts/covered/small-face-safety.ts ../shared/facedata/verification [STEP]
// STEP > 1 takes every STEP-th image as a probe (references stay all images), for a quick run.
// FACEAUTH_SMALL_FACE_REFS=FILE keeps the full-size references there and reuses them.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY } from '../../src-main/engine';
import { farAwayFace } from '../../tools/evaluation/far-away-face';
import { EngineError } from '../../src-main/engine/errors/engine-error';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG } from '../../src-main/engine/pipeline/pipeline-config';
import { readLabels } from '../../tools/shared/labels-csv';
import { resolveLabelPath } from '../../tools/cli/commands/eval-verify';
import { loadStationNetworks } from './load-station-networks';
import {
  distanceAtFmr,
  fullSizeImpostorDistances,
  probeRates,
  type Sample,
} from './small-face-rates';

const EYE_DISTANCES = [4, 6, 8, 10, 12, 16];
const CANVAS = 160;
const [dataArg, stepArg] = process.argv.slice(2);
if (dataArg === undefined) {
  console.error('usage: small-face-safety.ts VERIFICATION_DIR [STEP]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const step = Number(stepArg ?? 1);
const rows = readLabels(path.join(dataDir, 'labels.csv'));
const cfg = {
  ...DEFAULT_PIPELINE_CONFIG,
  quality: { ...DEFAULT_PIPELINE_CONFIG.quality, minInterocularPx: 0 },
};
const { nets } = await loadStationNetworks();

async function analyse(bytes: Uint8Array) {
  try {
    return { ok: true as const, face: await analyzeFace(nets, bytes, cfg) };
  } catch (err) {
    if (err instanceof EngineError) return { ok: false as const, code: err.code };
    throw err;
  }
}

const files = rows.map((r) => resolveLabelPath(dataDir, r.path ?? ''));
const refsFile = process.env['FACEAUTH_SMALL_FACE_REFS'];
interface Reference extends Sample {
  eyes: number;
}
async function enrolReferences(): Promise<Reference[]> {
  if (refsFile !== undefined && fs.existsSync(refsFile)) {
    return JSON.parse(fs.readFileSync(refsFile, 'utf8')) as Reference[];
  }
  const out: Reference[] = [];
  for (const [index, file] of files.entries()) {
    const r = await analyse(new Uint8Array(fs.readFileSync(file)));
    if (!r.ok) continue;
    const descriptor = Array.from(r.face.descriptor);
    const identity = rows[index]?.identity ?? '';
    out.push({ index, identity, descriptor, eyes: r.face.quality.interocularPx });
  }
  if (refsFile !== undefined) fs.writeFileSync(refsFile, JSON.stringify(out));
  return out;
}
const refs = await enrolReferences();
const fullEyes = new Map(refs.map((r) => [r.index, r.eyes]));
const fullFailures = rows.length - refs.length;
console.error(`references: ${refs.length} enrolled, ${fullFailures} failed`);
const threshold = DEFAULT_POLICY.faceSimilarity_threshold;
const distance1e3 = distanceAtFmr(fullSizeImpostorDistances(refs), 1e-3);
const probeRefs = refs.filter((s) => s.index % step === 0);
const report: Record<string, unknown> = {
  images: rows.length,
  step,
  canvas_px: CANVAS,
  references_enrolled: refs.length,
  shipped_threshold: threshold,
  full_fmr_1e3_distance: Number(distance1e3.toFixed(6)),
  full: probeRates(probeRefs, refs, threshold, distance1e3),
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const n of EYE_DISTANCES) {
  const probes: Sample[] = [];
  const failed: Record<string, number> = {};
  const measured: number[] = [];
  let notSmaller = 0;
  for (const ref of probeRefs) {
    const eyes = fullEyes.get(ref.index) ?? 0;
    if (eyes <= n) {
      notSmaller++;
      continue;
    }
    const bytes = await farAwayFace(
      new Uint8Array(fs.readFileSync(files[ref.index] ?? '')),
      n / eyes,
      CANVAS,
    );
    const r = await analyse(bytes);
    if (r.ok) {
      probes.push({ ...ref, descriptor: r.face.descriptor });
      measured.push(r.face.quality.interocularPx);
    } else failed[r.code] = (failed[r.code] ?? 0) + 1;
  }
  const row = {
    not_smaller_already: notSmaller,
    failed_to_enrol: Object.values(failed).reduce((a, b) => a + b, 0),
    failed_by_code: failed,
    measured_eye_distance_median: Number(median(measured).toFixed(2)),
    ...probeRates(probes, refs, threshold, distance1e3),
  };
  report[`eyes_${n}px`] = row;
  // Each size as it completes: the whole run takes long on a shared machine.
  console.error(`eyes ${n} px: ${JSON.stringify(row)}`);
}
console.log(JSON.stringify(report, null, 2));
