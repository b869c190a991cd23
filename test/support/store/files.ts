// Reads the database and its side files as raw bytes, to prove where data is (and is not).
import { existsSync, readFileSync } from 'node:fs';

export const SIDE_FILE_SUFFIXES = ['', '-wal', '-journal', '-shm'] as const;

/** Every suffix whose file contains `needle`, e.g. ['', '-wal']. */
export function filesContaining(dbPath: string, needle: Uint8Array): string[] {
  return SIDE_FILE_SUFFIXES.filter((suffix) => {
    const path = dbPath + suffix;
    return existsSync(path) && readFileSync(path).indexOf(Buffer.from(needle)) >= 0;
  }).map((suffix) => (suffix === '' ? 'db' : suffix.slice(1)));
}
