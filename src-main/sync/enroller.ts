// What pull needs from the face engine: turn a selfie into a reference template. The engine's
// FaceEngine satisfies it (createFaceEngine → engine.enroll runs in its worker pool); tests may
// pass any other implementation, with its own template encoding.
import type { FaceAuthError } from '../../src-shared/faceauth/result';
import type { ReferenceTemplates } from '../store/submission-gate';

export type EnrollOutcome = { ok: true; template: unknown } | { ok: false; error: FaceAuthError };

export interface Enroller {
  enroll(image: Uint8Array): Promise<EnrollOutcome>;
  /** The template model; a cached template of another model is re-enrolled. */
  readonly modelVersion: string;
  /** How many enrollments to keep in flight (the engine refuses more than its queue holds). */
  readonly concurrency: number;
  /** Encodes templates for the store: the engine's enrollers use the verifier's own codec
   *  (src-main/verification/reference-templates.ts), so pull writes what verify reads. */
  encode(templates: unknown[]): ReferenceTemplates;
  /** A small reference picture for the operator, kept encrypted beside the templates. */
  thumbnail?(image: Uint8Array): Promise<Uint8Array | null>;
}
