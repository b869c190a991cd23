// Demo data never reaches a real central API: when the station leaves demo mode, results and
// overrides of DEMO submissions still waiting in the outbox are parked with a plain reason.
import { isDemoSubmissionId } from '../../src-shared/faceauth/demo-ids';
import type { StoreClient } from '../store/client';

const PARK_REASON = 'Demo data is never sent to a real central API';

export async function parkDemoOutboxItems(store: StoreClient): Promise<number> {
  const items = await store.send('outbox:peek', { limit: 100_000, includeParked: false });
  let parked = 0;
  for (const item of items) {
    const submissionId = (item.payload as { submissionId?: unknown } | null)?.submissionId;
    if (typeof submissionId === 'string' && isDemoSubmissionId(submissionId)) {
      await store.send('outbox:park', { outboxId: item.outboxId, reason: PARK_REASON });
      parked += 1;
    }
  }
  return parked;
}
