// The page's address carries this run's secret token, so it is handed over through a file only
// its owner can read, never printed to stdout or stderr, which are routinely redirected into log
// files, journald or a CI transcript (issue 11: "keep the token out of log files").
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ADDRESS_FILE_NAME = 'browser-host.address';

export function defaultAddressFile(dataDir: string): string {
  return join(dataDir, ADDRESS_FILE_NAME);
}

/** Writes the address with owner-only permissions, replacing any file left by an earlier run. */
export function writeAddressFile(path: string, url: string): void {
  const partial = `${path}.${process.pid}.tmp`;
  // mode applies at creation; the temp name is fresh, so the file is never readable by others.
  writeFileSync(partial, `${url}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(partial, path);
}

export function removeAddressFile(path: string): void {
  rmSync(path, { force: true });
}
