// How reference templates travel into the store (which treats them as opaque, encrypted bytes):
// a JSON array of the engine's FaceTemplate objects. Every writer (sync pull, demo enroll) and
// the verifier use this one codec.
import { z } from 'zod';
import { FaceTemplateSchema, TEMPLATE_MODEL, type FaceTemplate } from '../engine';
import type { ReferenceTemplates } from '../store/submission-gate';

const TemplateListSchema = z.array(FaceTemplateSchema).min(1).max(16);

export function encodeReferenceTemplates(templates: readonly FaceTemplate[]): ReferenceTemplates {
  return {
    modelVersion: TEMPLATE_MODEL,
    data: new TextEncoder().encode(JSON.stringify(TemplateListSchema.parse(templates))),
  };
}

/** Null when the bytes do not hold templates of the model in use (they must be re-enrolled). */
export function decodeReferenceTemplates(stored: ReferenceTemplates): FaceTemplate[] | null {
  if (stored.modelVersion !== TEMPLATE_MODEL) return null;
  try {
    const parsed = TemplateListSchema.safeParse(JSON.parse(new TextDecoder().decode(stored.data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
