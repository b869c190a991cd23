// Chromium's fake camera plays a .y4m file. We make one from a face photo with ffmpeg, scaled
// and cropped to 640x480 (yuv420p: MJPEG would need yuvj420p or frames turn green).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export const FIXTURE_DIR = join(import.meta.dirname, '../../../test-output/fixtures');

export function makeFakeCameraFile(photoPath: string | null): string {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const target = join(
    FIXTURE_DIR,
    `${photoPath ? basename(photoPath).replace(/\.\w+$/, '') : 'testsrc'}.y4m`,
  );
  if (existsSync(target)) return target;
  // Without a photo (facedata absent) a synthetic test pattern still proves the camera path.
  const input = photoPath
    ? ['-loop', '1', '-i', photoPath]
    : ['-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=10'];
  execFileSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      ...input,
      '-t',
      '2',
      '-r',
      '10',
      '-vf',
      'scale=640:480:force_original_aspect_ratio=increase,crop=640:480,format=yuv420p',
      target,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return target;
}
