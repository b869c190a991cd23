// Temp folders that tests make are removed after them (pass or fail), so runs leave nothing
// behind: useTempDir for a fresh folder per test, useTempDirs for folders that live as long as
// the file or describe block that asked for them (a station started in beforeAll, a scratch
// folder made at import time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

function removeFolder(dir: string): void {
  // A child process (a station, Chromium) may still be letting go of a file: retry briefly.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** Call at describe/file level; the returned function gives the current test's folder. */
export function useTempDir(prefix = 'faceauth-test-'): () => string {
  let dir: string | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (dir !== null) removeFolder(dir);
    dir = null;
  });
  return () => {
    if (dir === null) throw new Error('useTempDir: no test is running');
    return dir;
  };
}

/**
 * Call at file or describe level, before the hooks that start what uses the folders (after-all
 * hooks run in reverse order, so the folders go last, once those have stopped). The returned
 * function makes a fresh folder; every folder it made is removed after the block's last test.
 */
export function useTempDirs(): (prefix?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) removeFolder(dir);
  });
  return (prefix = 'faceauth-test-') => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
