// Station configuration from the environment. Secrets (API keys) stay in main and never cross
// the bridge.
import { z } from 'zod';
import { checkCentralUrl } from '../../src-shared/central-url';

const EnvSchema = z.object({
  FACEAUTH_CENTRAL_URL: z.url().optional(),
  FACEAUTH_DATA_DIR: z.string().min(1).optional(),
  FACEAUTH_CONNECTIVITY_INTERVAL_MS: z.coerce.number().int().min(250).optional(),
  FACEAUTH_FACEAUTH_KEY: z.string().min(1).optional(),
  FACEAUTH_IDCHECK_KEY: z.string().min(1).optional(),
  FACEAUTH_STATION_ID: z.string().min(1).optional(),
  FACEAUTH_DEMO: z.enum(['auto', 'on', 'off']).optional(),
});

export interface StationConfig {
  /** Base URL of the ARGOS-compatible central API, or null when none is configured. */
  centralBaseUrl: string | null;
  dataDir: string;
  connectivityIntervalMs: number;
  faceAuthKey: string | null;
  idCheckKey: string | null;
  stationId: string | undefined;
  /** With no central API configured: 'auto' runs demo mode's local simulator only on a data
   *  folder without real data; 'on' runs it anyway (real data is then kept, never sent to it);
   *  'off' never. */
  demo: 'auto' | 'on' | 'off';
}

export function loadStationConfig(env: NodeJS.ProcessEnv, defaultDataDir: string): StationConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid station configuration in environment: ${fields}`);
  }
  const centralUrl = parsed.data.FACEAUTH_CENTRAL_URL;
  const check = centralUrl === undefined ? null : checkCentralUrl(centralUrl);
  if (check !== null && !check.ok) {
    // The station refuses to start rather than send keys and faces in the clear.
    throw new Error(`FACEAUTH_CENTRAL_URL refused. ${check.reason}`);
  }
  return {
    centralBaseUrl: parsed.data.FACEAUTH_CENTRAL_URL ?? null,
    dataDir: parsed.data.FACEAUTH_DATA_DIR ?? defaultDataDir,
    connectivityIntervalMs: parsed.data.FACEAUTH_CONNECTIVITY_INTERVAL_MS ?? 15_000,
    faceAuthKey: parsed.data.FACEAUTH_FACEAUTH_KEY ?? null,
    idCheckKey: parsed.data.FACEAUTH_IDCHECK_KEY ?? null,
    stationId: parsed.data.FACEAUTH_STATION_ID,
    demo: parsed.data.FACEAUTH_DEMO ?? 'auto',
  };
}
