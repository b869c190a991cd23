// Tests on real photos need ../shared/facedata, which never enters the repository. Without it
// they are skipped, and the skip says why in the test name and on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { defaultFacedataDir, facedataAvailable } from '../../../tools/cli/facedata';

export const FACEDATA = defaultFacedataDir();
export const HAS_FACEDATA = facedataAvailable(FACEDATA);
export const SKIP_NOTE = HAS_FACEDATA
  ? ''
  : ` [SKIPPED: no face data at ${FACEDATA}; set FACEAUTH_FACEDATA_DIR to run]`;

if (!HAS_FACEDATA) process.stderr.write(`face engine integration tests ${SKIP_NOTE}\n`);

export function photo(relative: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FACEDATA, relative)));
}

export const silentLogger = { info: () => undefined, warn: () => undefined };
