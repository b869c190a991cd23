// The exact JSON shapes of ARGOS FaceAuth (POST /v3/faceauth), declared once with runtime
// schemas so that the engine, the store, the sync client and the renderer agree byte for byte.
import { z } from 'zod';
import { ERROR_MESSAGES, FAIL_COMMENTS, type FaceAuthErrorCode } from './codes';

const failCode = z.enum(Object.keys(FAIL_COMMENTS) as [keyof typeof FAIL_COMMENTS]);
const errorCode = z.enum(Object.keys(ERROR_MESSAGES) as [FaceAuthErrorCode]);

/** 0-100, as in every ARGOS FaceAuth example. */
const score0to100 = z.number().min(0).max(100);

/** Only the checks the project enables appear in `score`. */
export const FaceAuthScoreSchema = z.object({
  face_similarity_score: score0to100,
  occluded_score: score0to100.optional(),
  face_cover_score: score0to100.optional(),
  head_cover_score: score0to100.optional(),
});

/** ISO-8601 UTC with milliseconds and `Z`, e.g. 2023-08-08T07:04:48.633Z. */
export const CreateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'ISO-8601 UTC with milliseconds');

export const FaceAuthApprovedSchema = z.object({
  authentication_id: z.string().min(1),
  auth_status: z.literal('approved'),
  create_time: CreateTimeSchema,
  score: FaceAuthScoreSchema,
});

export const FaceAuthRejectedSchema = z.object({
  authentication_id: z.string().min(1),
  auth_status: z.literal('rejected'),
  create_time: CreateTimeSchema,
  score: FaceAuthScoreSchema,
  /** Index-aligned with rejected_comment. */
  fail_code: z.array(failCode).min(1),
  rejected_comment: z.array(z.string()).min(1),
});

export const FaceAuthResultSchema = z.discriminatedUnion('auth_status', [
  FaceAuthApprovedSchema,
  FaceAuthRejectedSchema,
]);

/** Error body of ARGOS endpoints: {"errorCode","message","traceId"}. */
export const FaceAuthErrorSchema = z.object({
  errorCode: errorCode,
  message: z.string(),
  traceId: z.string().optional(),
});

export type FaceAuthScore = z.infer<typeof FaceAuthScoreSchema>;
export type FaceAuthApproved = z.infer<typeof FaceAuthApprovedSchema>;
export type FaceAuthRejected = z.infer<typeof FaceAuthRejectedSchema>;
export type FaceAuthResult = z.infer<typeof FaceAuthResultSchema>;
export type FaceAuthError = z.infer<typeof FaceAuthErrorSchema>;
/** What one verification answers: a result, or an ARGOS error object. */
export type FaceAuthOutcome = FaceAuthResult | FaceAuthError;

export function isFaceAuthError(outcome: FaceAuthOutcome): outcome is FaceAuthError {
  return 'errorCode' in outcome;
}

export function faceAuthError(code: FaceAuthErrorCode, traceId?: string): FaceAuthError {
  return traceId === undefined
    ? { errorCode: code, message: ERROR_MESSAGES[code] }
    : { errorCode: code, message: ERROR_MESSAGES[code], traceId };
}
