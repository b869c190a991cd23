// Which facedata images are positives and negatives of each check (issue 4):
//   face_cover: with_mask vs without_mask (masks/)
//   head_cover: hard_hat, bike_helmet, hat_cap vs none (head_cover/)
//   occluded:   sunglasses, hand, lower_face_cover, partial_out_of_frame vs eyeglasses_clear,
//               not_occluded_hard (occlusion/) and the without_mask faces (masks/)
import fs from 'node:fs';
import path from 'node:path';
import { readLabels } from '../shared/labels-csv';
import type { CheckName } from '../../src-main/engine/checks/check-model';

export interface LabelledImage {
  /** Path relative to the facedata root, as in labels.csv. */
  path: string;
  label: string;
}

export interface CheckSample extends LabelledImage {
  positive: boolean;
}

const RULES: Record<
  CheckName,
  { folder: string; positive: readonly string[]; negative: readonly string[] }[]
> = {
  face_cover: [{ folder: 'masks', positive: ['with_mask'], negative: ['without_mask'] }],
  head_cover: [
    {
      folder: 'head_cover',
      positive: ['hard_hat', 'bike_helmet', 'hat_cap'],
      negative: ['none'],
    },
  ],
  occluded: [
    {
      folder: 'occlusion',
      positive: ['sunglasses', 'hand', 'lower_face_cover', 'partial_out_of_frame'],
      negative: ['eyeglasses_clear', 'not_occluded_hard'],
    },
    { folder: 'masks', positive: [], negative: ['without_mask'] },
  ],
};

/** The folders a data root must hold. */
export const CHECK_FOLDERS = ['masks', 'head_cover', 'occlusion'] as const;

export function readFolder(dataDir: string, folder: string): LabelledImage[] {
  const file = path.join(dataDir, folder, 'labels.csv');
  if (!fs.existsSync(file)) throw new Error(`${file} not found`);
  return readLabels(file).map((r) => ({ path: r.path ?? '', label: r.label ?? '' }));
}

/** Samples of one check, in labels.csv order. Labels outside the check are left out. */
export function checkSamples(dataDir: string, check: CheckName): CheckSample[] {
  return RULES[check].flatMap((rule) =>
    readFolder(dataDir, rule.folder).flatMap((img): CheckSample[] => {
      if (rule.positive.includes(img.label)) return [{ ...img, positive: true }];
      if (rule.negative.includes(img.label)) return [{ ...img, positive: false }];
      return [];
    }),
  );
}

/** Every image any check uses, once. */
export function allCheckImages(dataDir: string): LabelledImage[] {
  const seen = new Map<string, LabelledImage>();
  for (const folder of CHECK_FOLDERS) {
    for (const img of readFolder(dataDir, folder)) seen.set(img.path, img);
  }
  return [...seen.values()];
}

/** labels.csv paths are relative to the facedata root (DIR); accept DIR's parent too. */
export function imageFile(dataDir: string, relative: string): string {
  const inDir = path.join(dataDir, relative);
  return fs.existsSync(inDir) ? inDir : path.join(path.dirname(dataDir), relative);
}
