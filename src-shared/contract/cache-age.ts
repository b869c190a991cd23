// The maximum age of the offline cache: a submission the central API has not reported for longer
// verifies as invalid_submission_status, because a revocation may not have reached the station.
import { z } from 'zod';

const CacheAgeSchema = z.object({ maxCacheAgeDays: z.number().int().min(1).max(365) });

export const cacheAgeMethods = {
  'settings:cacheAge': { request: z.object({}).strict(), response: CacheAgeSchema },
  /** Admin only; audited like every setting. */
  'settings:setCacheAge': { request: CacheAgeSchema.strict(), response: CacheAgeSchema },
};
