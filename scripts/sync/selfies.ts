// Selfies for the simulator's submissions: the labelled face photos in ../shared/facedata
// (never copied into the repository), scaled to at most 320 px like a KYC selfie thumbnail and
// reused round-robin. Without the folder, synthetic JPEGs stand in (they hold no face, so every
// enrollment then fails with no_face; the caller says so).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { syntheticCapture } from './station-fixtures';

const FACEDATA = resolve(
  process.env['FACEAUTH_FACEDATA_DIR'] ?? join(import.meta.dirname, '../../../shared/facedata'),
);

export async function loadSelfies(
  limit: number,
): Promise<{ selfies: Uint8Array[]; real: boolean }> {
  const labels = join(FACEDATA, 'verification', 'labels.csv');
  if (!existsSync(labels)) {
    const selfies = await Promise.all(
      Array.from({ length: Math.min(limit, 50) }, (_, i) => syntheticCapture(i)),
    );
    return { selfies, real: false };
  }
  const paths = readFileSync(labels, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] as string)
    .slice(0, limit);
  const selfies: Uint8Array[] = [];
  for (const path of paths) {
    const bytes = readFileSync(join(FACEDATA, path));
    selfies.push(
      new Uint8Array(
        await sharp(bytes)
          .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 85 })
          .toBuffer(),
      ),
    );
  }
  return { selfies, real: true };
}
