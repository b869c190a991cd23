// Sync may start pulling before the face models finish loading; enrollment waits for them.
import { TEMPLATE_MODEL, type FaceTemplate } from '../engine';
import { makeThumbnail } from '../frame/thumbnail';
import { encodeReferenceTemplates } from '../verification/reference-templates';
import { engineEnroller } from '../sync/engine-enroller';
import type { Enroller } from '../sync/enroller';
import type { EngineRuntime } from './engine-runtime';

export function lazyEnroller(runtime: EngineRuntime): Enroller {
  let ready: Enroller | null = null;
  return {
    modelVersion: TEMPLATE_MODEL,
    concurrency: 4,
    // The verifier's own codec, so what pull stores is exactly what verification reads.
    encode: (templates) => encodeReferenceTemplates(templates as FaceTemplate[]),
    thumbnail: makeThumbnail,
    async enroll(image) {
      if (ready === null) {
        await runtime.settled();
        const engine = runtime.current();
        if (engine === null) throw new Error('The face engine is not available for enrollment');
        ready = engineEnroller(engine);
      }
      return ready.enroll(image);
    },
  };
}
