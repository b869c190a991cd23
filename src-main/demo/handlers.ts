// Demo mode's bridge methods: enroll a DEMO submission from the camera, list and revoke them.
import { BridgeError } from '../../src-shared/contract/envelope';
import type { ProjectPolicy } from '../../src-shared/faceauth/policy';
import type { HandlerSlice } from '../bridge/handlers';
import { requireOperator } from '../access/require-operator';
import { withEngine, type EngineRuntime } from '../station/engine-runtime';
import { callStore } from '../store/call-store';
import type { StoreClient } from '../store/client';
import { encodeReferenceTemplates } from '../verification/reference-templates';
import type { DemoMode } from './demo-mode';

export interface DemoDeps {
  store: StoreClient;
  engine: EngineRuntime;
  demo: () => DemoMode | null;
  policy: ProjectPolicy;
}

function requireDemo(deps: DemoDeps): DemoMode {
  const demo = deps.demo();
  if (demo === null)
    throw new BridgeError(
      'forbidden',
      'Demo mode is off: this station has a central API configured',
    );
  return demo;
}

export function demoHandlers(
  deps: DemoDeps,
): HandlerSlice<'demo:status' | 'demo:enroll' | 'demo:revoke'> {
  return {
    'demo:status': async (_request, { connection }) => {
      await requireOperator(deps.store, connection);
      const demo = deps.demo();
      return { active: demo !== null, submissions: demo?.list() ?? [] };
    },
    'demo:enroll': async ({ displayName, image }, { connection }) => {
      await requireOperator(deps.store, connection);
      const demo = requireDemo(deps);
      const enrolled = await withEngine(deps.engine, (engine) => engine.enroll(image));
      if (!enrolled.ok)
        throw new BridgeError('bad_request', `No usable face to enroll: ${enrolled.error.message}`);
      // Decoded in the engine's worker, like the enrolment itself: never in main.
      const thumbnail = await withEngine(deps.engine, (engine) => engine.thumbnail(image));
      const submissionId = demo.addSubmission(displayName, image);
      // Cached at once, as a pull from the simulator would, so the desk can verify immediately.
      await callStore(deps.store, 'submissions:upsertMany', {
        items: [
          {
            submissionId,
            status: 'approved',
            policy: deps.policy,
            templates: encodeReferenceTemplates([enrolled.template]),
            thumbnail,
          },
        ],
      });
      return { submissionId };
    },
    'demo:revoke': async ({ submissionId }, { connection }) => {
      await requireOperator(deps.store, connection, 'supervisor');
      const demo = requireDemo(deps);
      demo.revoke(submissionId);
      await callStore(deps.store, 'submissions:setStatus', { submissionId, status: 'rejected' });
      return { active: true, submissions: demo.list() };
    },
  };
}
