// Sync may start pulling before the face models finish loading; enrollment waits for them.
import { TEMPLATE_MODEL, type FaceTemplate } from '../engine';
import { encodeReferenceTemplates } from '../verification/reference-templates';
import { engineEnroller } from './engine-enroller';
import type { Enroller } from './enroller';
import type { EngineRuntime } from '../station/engine-runtime';

export function lazyEnroller(runtime: EngineRuntime): Enroller {
  let ready: Enroller | null = null;
  const loadedEngine = async () => {
    await runtime.settled();
    const engine = runtime.current();
    if (engine === null) throw new Error('The face engine is not available for enrollment');
    return engine;
  };
  return {
    modelVersion: TEMPLATE_MODEL,
    concurrency: 4,
    // The verifier's own codec, so what pull stores is exactly what verification reads.
    encode: (templates) => encodeReferenceTemplates(templates as FaceTemplate[]),
    // Selfies from the central API are decoded in the engine's worker too, never in main.
    thumbnail: async (image) => (await loadedEngine()).thumbnail(image),
    async enroll(image) {
      ready ??= engineEnroller(await loadedEngine());
      return ready.enroll(image);
    },
  };
}
