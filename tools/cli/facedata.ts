// Locates ../shared/facedata (photos for evaluation only; never copied into the repository).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** FACEAUTH_FACEDATA_DIR, else ../shared/facedata beside the repository. */
export function defaultFacedataDir(): string {
  const fromEnv = process.env.FACEAUTH_FACEDATA_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.resolve(repoRoot, '..', 'shared', 'facedata');
}

export function facedataAvailable(dir = defaultFacedataDir()): boolean {
  return fs.existsSync(path.join(dir, 'verification', 'labels.csv'));
}
