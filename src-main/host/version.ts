import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The station's version from package.json, read once from the app's root folder. */
export function readAppVersion(appRoot: string): string {
  const manifest = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
