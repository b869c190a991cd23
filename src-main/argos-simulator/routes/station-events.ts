// POST {stationEventsPath}: the station's own endpoint for overrides and audit-chain heads that
// happen after a result was delivered (not part of ARGOS). Batched JSON; the Idempotency-Key
// header makes a retried batch count once.
import { z } from 'zod';
import type { SimulatorState } from '../state';
import { argosError, ok, type SimResponse } from '../http-io';

export const StationEventBatchSchema = z.object({
  stationId: z.string().min(1),
  events: z.array(z.unknown()).min(1).max(1000),
});

export function postStationEvents(
  key: string | undefined,
  body: Buffer,
  state: SimulatorState,
  now: Date,
): SimResponse {
  if (key === undefined || key.length < 8 || key.length > 200)
    return argosError(400, 'required_field_missing');
  const seen = state.eventBatches.get(key);
  if (seen) return ok({ accepted: seen.events.length, duplicate: true });
  let parsed: z.infer<typeof StationEventBatchSchema>;
  try {
    parsed = StationEventBatchSchema.parse(JSON.parse(body.toString('utf8')));
  } catch {
    return argosError(400, 'invalid_data_format');
  }
  state.eventBatches.set(key, { idempotencyKey: key, ...parsed, receivedAt: now.toISOString() });
  return ok({ accepted: parsed.events.length, duplicate: false });
}
