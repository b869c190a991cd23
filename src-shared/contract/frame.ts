// Frame domain: the live camera picture crosses as compact binary (JPEG or PNG bytes), never
// as base64 text.
import { z } from 'zod';

/** Larger frames are refused before main decodes anything. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export const FRAME_MIME_TYPES = ['image/jpeg', 'image/png'] as const;

export const FrameBytesSchema = z
  .instanceof(Uint8Array, { message: 'image must be binary bytes (Uint8Array)' })
  .refine((bytes) => bytes.byteLength > 0, 'image is empty')
  .refine((bytes) => bytes.byteLength <= MAX_FRAME_BYTES, `image is over ${MAX_FRAME_BYTES} bytes`);

export const AnalyzeFrameRequestSchema = z
  .object({
    image: FrameBytesSchema,
    mime: z.enum(FRAME_MIME_TYPES),
  })
  .strict();

export const FaceBoxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  score: z.number().min(0).max(1),
});

/** What the operator should fix before capturing; null when the picture is good. face_covered
 *  and turn_to_camera: a face is there but only the covered-face detector sees it. */
export const FRAME_GUIDANCE = [
  'no_face',
  'several_faces',
  'move_closer',
  'center_face',
  'face_covered',
  'turn_to_camera',
] as const;

export const AnalyzeFrameResponseSchema = z.object({
  bytes: z.number().int().nonnegative(),
  format: z.enum(['jpeg', 'png']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Faces found by the engine, or null when the engine is not available. */
  faces: z.array(FaceBoxSchema).nullable(),
  guidance: z.enum(FRAME_GUIDANCE).nullable(),
  /** Time main spent on the frame (decode, and detection when the engine is ready). */
  processingMs: z.number().nonnegative(),
});

export type AnalyzeFrameRequest = z.infer<typeof AnalyzeFrameRequestSchema>;
export type AnalyzeFrameResponse = z.infer<typeof AnalyzeFrameResponseSchema>;
export type FaceBox = z.infer<typeof FaceBoxSchema>;
export type FrameGuidance = (typeof FRAME_GUIDANCE)[number];

export const frameMethods = {
  'frame:analyze': { request: AnalyzeFrameRequestSchema, response: AnalyzeFrameResponseSchema },
};
