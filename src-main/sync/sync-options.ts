// SyncService configuration with the defaults a station ships with. Times in milliseconds.
import type { Clock } from '../../src-shared/clock';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { ArgosApiConfig } from './argos-client';
import type { BackoffPolicy } from './backoff';
import type { ConnectivityReader } from './connectivity';
import type { DataScope } from './data-scope';
import type { Enroller } from './enroller';
import type { PullOptions } from './pull-submissions';
import type { PushOptions } from './push-results';
import type { StoreSender, SyncLogger } from './sync-context';

export interface SyncServiceOptions {
  store: StoreSender;
  stationId: string;
  /** null: no central API configured; the service reports not_configured and does nothing. */
  api: ArgosApiConfig | null;
  /** 'demo' only for demo mode's local simulator; any other API gets no DEMO data. */
  dataScope?: DataScope;
  /** Enrolls pulled selfies (the face engine's pool); null disables pull. */
  enroller: Enroller | null;
  /** Used for cached submissions (GET /v3/faceauth items carry it as `policy`). */
  policy: ProjectPolicy;
  pull?: Partial<Omit<PullOptions, 'policy'>>;
  push?: Partial<PushOptions> & { batchSize?: number; leaseMs?: number };
  backoff?: Partial<BackoffPolicy>;
  /** Wait between passes when nothing is due. */
  idleMs?: number;
  /** Pull again after this long (incremental; a full sweep every pull.revalidateEveryMs). */
  pullEveryMs?: number;
  /** The station's one connectivity monitor (CentralLink's); without it the service probes
   *  the API on its own every connectivityIntervalMs (tests, scripts). */
  connectivity?: ConnectivityReader;
  connectivityIntervalMs?: number;
  fetchImpl?: typeof fetch;
  clock?: () => number;
  /** Runs the lanes' waits (defaults to real timers); tests pass a manual clock. */
  timers?: Clock;
  random?: () => number;
  log?: SyncLogger;
}

export const SYNC_DEFAULTS = {
  idleMs: 5_000,
  pullEveryMs: 10 * 60_000,
  connectivityIntervalMs: 15_000,
  push: { batchSize: 200, leaseMs: 60_000, concurrency: 8, reconcile: true, graceMs: 30_000 },
  pull: {
    windowDays: 31,
    pageSize: 100,
    revalidateEveryMs: 60 * 60_000,
    overlapDays: 1,
    /** One year back unless configured. */
    fromDaysAgo: 365,
  },
  backoff: { baseMs: 1_000, capMs: 5 * 60_000 },
};
