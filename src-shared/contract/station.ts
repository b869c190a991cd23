// Station domain: what the status bar shows, pushed by main whenever it changes.
import { z } from 'zod';
import { AuditChainStateSchema } from './audit';

export const StationStatusSchema = z.object({
  version: z.string(),
  /** How main is hosted: inside Electron, or as the browser host in plain Node. */
  host: z.enum(['electron', 'browser']),
  /** TensorFlow.js backend in use, or null while the engine is not loaded. */
  backend: z.string().nullable(),
  engine: z.enum(['loading', 'ready', 'failed', 'absent']),
  network: z.object({
    online: z.boolean(),
    /** Why the station considers itself offline, in plain words. */
    reason: z.string().nullable(),
    checkedAt: z.string().nullable(),
  }),
  framesAnalyzed: z.number().int().nonnegative(),
  stationId: z.string().nullable(),
  /** Demo mode: a local simulator stands in for the central API; data is marked DEMO. */
  demo: z.boolean(),
  /** Things the operator must know (plaintext key store, read-only safe mode), in plain words. */
  warnings: z.array(z.string()),
  /** The audit chain's last verification (start-up or on demand); a failure stays in the
   *  status bar until a later verification passes. Absent until the first one ran. */
  auditChain: AuditChainStateSchema.optional(),
});

export type StationStatus = z.infer<typeof StationStatusSchema>;

export const stationMethods = {
  'station:status': { request: z.object({}).strict(), response: StationStatusSchema },
};

export const stationEvents = {
  'station:statusChanged': StationStatusSchema,
};
