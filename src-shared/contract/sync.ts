// Sync status, always visible to the operator.
import { z } from 'zod';

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  online: z.boolean(),
  /** Results, overrides and audit heads waiting for the central API. */
  queue: z.object({
    pending: z.number().int().nonnegative(),
    parked: z.number().int().nonnegative(),
  }),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  cache: z.object({
    submissions: z.number().int().nonnegative(),
    /** When the submission cache last completed a pull. */
    freshAt: z.string().nullable(),
  }),
  /** Results whose central verdict differs from the station's, awaiting a supervisor. */
  disagreements: z.number().int().nonnegative(),
  /** Present while the submission cache downloads. */
  pull: z
    .object({
      listed: z.number().int().nonnegative(),
      enrolled: z.number().int().nonnegative(),
      /** 0-1 share of the date range covered. */
      fraction: z.number().min(0).max(1),
      etaSeconds: z.number().nonnegative().nullable(),
    })
    .nullable(),
});

export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const syncMethods = {
  'sync:status': { request: z.object({}).strict(), response: SyncStatusSchema },
  'sync:runNow': { request: z.object({}).strict(), response: SyncStatusSchema },
};

export const syncEvents = {
  'sync:statusChanged': SyncStatusSchema,
};
