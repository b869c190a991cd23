// Real photos from ../shared/facedata for the graph-model equivalence tests: the first photos of
// a label in labels.csv order, decoded and letterboxed to a square network input with sharp
// (grey borders, as the covered-face stage letterboxes).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { FACEDATA } from '../integration/engine/facedata-guard';

/** The first `count` photos labelled `label` in `folder`/labels.csv (paths relative to facedata). */
export function firstPhotos(folder: string, label: string, count: number): string[] {
  return fs
    .readFileSync(path.join(FACEDATA, folder, 'labels.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((row) => row[1] === label)
    .slice(0, count)
    .map((row) => row[0] as string);
}

/** The photo as `side` x `side` RGB bytes, its longer side fitted, the rest grey. */
export async function squarePatch(relative: string, side: number): Promise<Uint8Array> {
  const data = await sharp(path.join(FACEDATA, relative))
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .resize(side, side, { fit: 'contain', background: { r: 128, g: 128, b: 128 } })
    .removeAlpha()
    .raw()
    .toBuffer();
  return new Uint8Array(data);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}
