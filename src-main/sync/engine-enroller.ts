// Adapts the face engine to the Enroller interface. The engine refuses work beyond its queue
// (EngineBusyError); pull keeps at most `concurrency` enrollments in flight and retries a
// refused one after a short pause instead of failing the submission.
import {
  EngineBusyError,
  TEMPLATE_MODEL,
  type FaceEngine,
  type FaceTemplate,
} from '../engine/index';
import { encodeReferenceTemplates } from '../verification/reference-templates';
import type { Enroller, EnrollOutcome } from './enroller';

export function engineEnroller(engine: FaceEngine, concurrency?: number): Enroller {
  const diagnostics = engine.diagnostics();
  return {
    modelVersion: TEMPLATE_MODEL,
    concurrency: concurrency ?? Math.max(1, diagnostics.workers * 2),
    // The verifier's own codec, so what pull stores is exactly what verification reads.
    encode: (templates) => encodeReferenceTemplates(templates as FaceTemplate[]),
    async enroll(image: Uint8Array): Promise<EnrollOutcome> {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await engine.enroll(image);
        } catch (error) {
          if (!(error instanceof EngineBusyError) || attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
        }
      }
    },
  };
}
