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
  /** Present while the submission cache downloads. */
  pull: z
    .object({
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
      etaSeconds: z.number().nullable(),
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
