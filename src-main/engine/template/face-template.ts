// The serialisable enrollment template: a descriptor plus the model that produced it. Descriptors
// of different models (or alignment methods) are not comparable, so a template of another model
// is refused rather than silently compared. A person may have several templates.
import { z } from 'zod';
import { faceApiVersion } from '../models/model-paths';

/** Bump the suffix whenever alignment or descriptor computation changes. */
export const TEMPLATE_MODEL = `face-api@${faceApiVersion()}/recognition/dlib-chip-150-0.25`;

export const FaceTemplateSchema = z.object({
  format: z.literal('faceauth-station/template'),
  version: z.literal(1),
  model: z.string(),
  descriptor: z.array(z.number()).length(128),
});

export type FaceTemplate = z.infer<typeof FaceTemplateSchema>;

export function makeTemplate(descriptor: ArrayLike<number>): FaceTemplate {
  return {
    format: 'faceauth-station/template',
    version: 1,
    model: TEMPLATE_MODEL,
    descriptor: Array.from(descriptor, (v) => Math.fround(v)),
  };
}
