// Station configuration from the environment. Secrets (API keys) stay in main and never cross
// the bridge.
import { z } from 'zod';

const EnvSchema = z.object({
  FACEAUTH_CENTRAL_URL: z.url().optional(),
  FACEAUTH_DATA_DIR: z.string().min(1).optional(),
  FACEAUTH_CONNECTIVITY_INTERVAL_MS: z.coerce.number().int().min(250).optional(),
});

export interface StationConfig {
  /** Base URL of the ARGOS-compatible central API, or null when none is configured. */
  centralBaseUrl: string | null;
  dataDir: string;
  connectivityIntervalMs: number;
}

export function loadStationConfig(env: NodeJS.ProcessEnv, defaultDataDir: string): StationConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid station configuration in environment: ${fields}`);
  }
  return {
    centralBaseUrl: parsed.data.FACEAUTH_CENTRAL_URL ?? null,
    dataDir: parsed.data.FACEAUTH_DATA_DIR ?? defaultDataDir,
    connectivityIntervalMs: parsed.data.FACEAUTH_CONNECTIVITY_INTERVAL_MS ?? 15_000,
  };
}
