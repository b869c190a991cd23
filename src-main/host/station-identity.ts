// The station's id (cf1 on every result sent to the central API): FACEAUTH_STATION_ID when set,
// otherwise made once and kept in the data folder so it survives restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadStationId(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv !== undefined && /^[A-Za-z0-9._-]{3,64}$/.test(fromEnv)) return fromEnv;
  const file = join(dataDir, 'station-id');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9._-]{3,64}$/.test(stored)) return stored;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const id = `station-${randomBytes(4).toString('hex')}`;
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
