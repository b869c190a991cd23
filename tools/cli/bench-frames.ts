// The bench's input: 640x480 JPEG frames made in memory from facedata photos (never written to
// the repository), or from one image given on the command line.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { readLabels } from '../shared/labels-csv';

export async function toBenchFrame(file: string): Promise<Uint8Array> {
  const jpeg = await sharp(file)
    .rotate()
    // Letterboxed like a station camera frame: the whole photo, the person at some distance.
    .resize(640, 480, { fit: 'contain', background: '#7f7f7f' })
    .jpeg({ quality: 90 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** Up to `count` frames from facedata's deepface and face_recognition photos (large, one face). */
export async function facedataBenchFrames(
  facedataDir: string,
  count: number,
): Promise<Uint8Array[]> {
  const labels = readLabels(path.join(facedataDir, 'verification', 'labels.csv'));
  const picks = labels
    .map((l) => l.path ?? '')
    .filter(
      (p) =>
        p.startsWith('verification/deepface/') || p.startsWith('verification/face_recognition/'),
    )
    .slice(0, count);
  return Promise.all(
    picks
      .map((p) => path.join(facedataDir, p))
      .filter((f) => fs.existsSync(f))
      .map(toBenchFrame),
  );
}
