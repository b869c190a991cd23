// Where the labelled photos live. They are NOT part of the repository (their rights are not
// cleared): tests read them from ../shared/facedata and say so plainly when it is absent.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FACEDATA_DIR = resolve(
  process.env['FACEAUTH_FACEDATA_DIR'] ?? join(import.meta.dirname, '../../../shared/facedata'),
);

export const facedataAvailable = existsSync(join(FACEDATA_DIR, 'README.md'));

export const FACEDATA_ABSENT_MESSAGE = `../shared/facedata is absent (looked in ${FACEDATA_DIR}); tests that need real face photos are skipped. Set FACEAUTH_FACEDATA_DIR to point elsewhere.`;

export function facedataPath(relative: string): string {
  return join(FACEDATA_DIR, relative);
}
