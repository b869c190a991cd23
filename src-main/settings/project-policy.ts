// The FaceAuth project policy the station decides with: thresholds and which attribute checks are
// on. ARGOS sets it per project on its dashboard; the station keeps its copy in the store (an
// admin edits it in Settings, audited) so that decisions made offline use the same rules.
import { ProjectPolicySchema, type ProjectPolicy } from '../../src-shared/faceauth/policy';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';

export async function readProjectPolicy(store: StoreClient): Promise<ProjectPolicy> {
  const stored = await callStore(store, 'settings:get', { key: 'projectPolicy' });
  return ProjectPolicySchema.parse(stored);
}
