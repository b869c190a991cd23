// What pull needs from the face engine: turn a selfie into a reference template. The engine's
// FaceEngine satisfies it (createFaceEngine → engine.enroll runs in its worker pool); tests may
// pass any other implementation. Templates are stored as UTF-8 JSON of FaceTemplate[], the list
// the engine's verify() takes back (the verifier's codec, src-main/verification/
// reference-templates.ts, reads the same format).
import type { FaceAuthError } from '../../src-shared/faceauth/result';
import type { ReferenceTemplates } from '../store/services/submissions';

export type EnrollOutcome = { ok: true; template: unknown } | { ok: false; error: FaceAuthError };

export interface Enroller {
  enroll(image: Uint8Array): Promise<EnrollOutcome>;
  /** The template model; a cached template of another model is re-enrolled. */
  readonly modelVersion: string;
  /** How many enrollments to keep in flight (the engine refuses more than its queue holds). */
  readonly concurrency: number;
  /** Encodes templates for the store; default: encodeReferenceTemplates below. */
  encode?(templates: unknown[]): ReferenceTemplates;
  /** A small reference picture for the operator, kept encrypted beside the templates. */
  thumbnail?(image: Uint8Array): Promise<Uint8Array | null>;
}

export function encodeReferenceTemplates(
  templates: readonly unknown[],
  modelVersion: string,
): ReferenceTemplates {
  return { modelVersion, data: new TextEncoder().encode(JSON.stringify(templates)) };
}

export function decodeReferenceTemplates(stored: ReferenceTemplates): unknown[] {
  const parsed = JSON.parse(new TextDecoder().decode(stored.data)) as unknown;
  if (!Array.isArray(parsed)) throw new Error('stored reference templates are not a list');
  return parsed;
}
