// Experiment of docs/covered-faces.md ("Head cover across CV seeds"): would features aimed at the
// head-cover check's worst images (hats that hug the head like hair, hair that sits like a cap)
// lift its cross-validated AUC? In-process on head_cover/: the shipped blocks as a verification
// computes them, plus candidate statistics of the small wide chip (crown to chin), compared over
// several CV seeds. Nothing here ships; it decides whether a feature is worth building.
//   node --import tsx scripts/covered/head-cover-features.ts ../shared/facedata [SEEDS]
import fs from 'node:fs';
import path from 'node:path';
import { checkSamples, imageFile, type CheckSample } from '../../tools/checks/check-datasets';
import {
  extractWideChip,
  regionStats,
  SMALL_WIDE_SIZE,
  unitToChip,
  WIDE_PADDING,
  WIDE_SHIFT_UP,
} from '../../src-main/engine/checks/check-features';
import { featureRow } from '../../src-main/engine/checks/check-model';
import { crossValidate, CV_SEED, RECIPES, reportOf } from '../../tools/checks/train-checks';
import { chipTransform } from '../../src-main/engine/align/face-chip';
import { decodeImage } from '../../src-main/engine/image/decode-image';
import { validateImage } from '../../src-main/engine/image/validate-image';
import { analyzeFace } from '../../src-main/engine/pipeline/face-pipeline';
import { DEFAULT_PIPELINE_CONFIG as cfg } from '../../src-main/engine/pipeline/pipeline-config';
import { loadStationNetworks } from './load-station-networks';

const [dataArg, seedsArg = '5'] = process.argv.slice(2);
if (dataArg === undefined) {
  console.error('usage: head-cover-features.ts DATA_DIR [SEEDS]');
  process.exit(2);
}
const dataDir = path.resolve(dataArg);
const { nets } = await loadStationNetworks();
const recipe = RECIPES.head_cover;
const size = SMALL_WIDE_SIZE;
const px = (u: number, shift = 0) => unitToChip(u, size, WIDE_PADDING, shift);
/** Stats of a unit region of the wide chip. */
const region = (chip: Uint8Array, x0: number, x1: number, y0: number, y1: number) =>
  regionStats(chip, size, px(x0), px(x1), px(y0, WIDE_SHIFT_UP), px(y1, WIDE_SHIFT_UP));

/** Candidates: horizontal against vertical edge energy in bands from crown to brows (a brim or a
 *  hat's lower edge is a horizontal line); colour distance of the crown to the hair beside the
 *  temples and to the cheeks (a hat differs from the hair it covers). */
function candidates(chip: Uint8Array): number[] {
  const luma = (x: number, y: number) => {
    const i = (Math.min(size - 1, Math.max(0, y)) * size + Math.min(size - 1, Math.max(0, x))) * 3;
    return 0.299 * (chip[i] ?? 0) + 0.587 * (chip[i + 1] ?? 0) + 0.114 * (chip[i + 2] ?? 0);
  };
  const bands: number[] = [];
  for (const [y0, y1] of [
    [-0.9, -0.6],
    [-0.6, -0.35],
    [-0.35, -0.15],
    [-0.15, 0.05],
  ]) {
    let h = 0;
    let v = 0;
    for (let y = Math.floor(px(y0 ?? 0, WIDE_SHIFT_UP)); y < px(y1 ?? 0, WIDE_SHIFT_UP); y++) {
      for (let x = Math.floor(px(0)); x < px(1); x++) {
        h += Math.abs(luma(x, y + 1) - luma(x, y - 1));
        v += Math.abs(luma(x + 1, y) - luma(x - 1, y));
      }
    }
    bands.push((h - v) / (h + v + 1e-6));
  }
  const mean = (s: number[]) => [s[0] ?? 0, s[1] ?? 0, s[2] ?? 0];
  const crown = mean(region(chip, 0.2, 0.8, -0.75, -0.35));
  const sides = [mean(region(chip, -0.3, 0.0, -0.2, 0.3)), mean(region(chip, 1.0, 1.3, -0.2, 0.3))];
  const cheeks = mean(region(chip, 0.15, 0.85, 0.4, 0.6));
  const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - (b[i] ?? 0)));
  return [
    ...bands,
    Math.min(...sides.map((s) => dist(crown, s))),
    dist(crown, cheeks),
    dist(mean(region(chip, 0.1, 0.9, -0.3, 0.0)), cheeks),
  ];
}

const rows: { sample: CheckSample; base: number[]; extra: number[] }[] = [];
for (const sample of checkSamples(dataDir, 'head_cover')) {
  const bytes = new Uint8Array(await fs.promises.readFile(imageFile(dataDir, sample.path)));
  try {
    const a = await analyzeFace(nets, bytes, cfg, recipe.blocks);
    const img = await decodeImage(bytes, validateImage(bytes, cfg.limits), cfg.limits, 8192);
    const chip = extractWideChip(img, chipTransform(a.landmarks ?? []), size);
    rows.push({
      sample,
      base: featureRow(a.checkFeatures ?? {}, recipe.blocks),
      extra: candidates(chip),
    });
  } catch {
    continue;
  }
}
const seeds = [CV_SEED, ...Array.from({ length: Number(seedsArg) - 1 }, (_, i) => i + 1)];
const noSynthetic = { samples: [], rows: [] };
for (const [name, row] of [
  ['shipped blocks', (r: (typeof rows)[number]) => r.base],
  ['shipped + candidates', (r: (typeof rows)[number]) => [...r.base, ...r.extra]],
] as const) {
  const data = {
    samples: rows.map((r) => r.sample),
    rows: rows.map(row),
    noFace: 0,
    synthetic: noSynthetic,
  };
  const aucs = seeds.map(
    (seed) => reportOf(crossValidate(data, recipe, undefined, seed), 50, 0).auc,
  );
  const m = aucs.reduce((x, y) => x + y, 0) / aucs.length;
  console.log(
    `${name.padEnd(22)} n ${rows.length} mean ${m.toFixed(4)} [${aucs.map((a) => a.toFixed(4)).join(' ')}]`,
  );
}
process.exit(0);
