// Whether demo mode may start when no central API is configured. Demo mode points sync at a
// throwaway local simulator, so it starts on its own only on a data folder without real data;
// a station that has real data and lost its configuration stays offline and keeps its queue.
import { DEMO_PREFIX } from '../../src-shared/faceauth/demo-ids';
import type { StoreClient } from '../store/client';

/** FACEAUTH_DEMO, as host/config.ts reads it from the environment. */
export type DemoPreference = 'auto' | 'on' | 'off';

export type DemoDecision =
  { start: true; realDataPresent: boolean } | { start: false; reason: string | null };

export const REAL_DATA_OFFLINE_REASON =
  'No central API is configured. This station holds real data, so it stays offline and keeps ' +
  'its queue; demo mode starts only on an empty data folder or with FACEAUTH_DEMO=on.';

export async function decideDemo(
  config: { demo: DemoPreference },
  store: Pick<StoreClient, 'send'>,
): Promise<DemoDecision> {
  if (config.demo === 'off') return { start: false, reason: null };
  const realDataPresent = await store.send('station:holdsRealData', { demoPrefix: DEMO_PREFIX });
  if (!realDataPresent) return { start: true, realDataPresent };
  // Asked for explicitly: demo runs, and the sync scope keeps real data away from it.
  if (config.demo === 'on') return { start: true, realDataPresent };
  return { start: false, reason: REAL_DATA_OFFLINE_REASON };
}
