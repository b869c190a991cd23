// Results as the operator reviews them: local verdict, overrides, central verdict, history.
import { z } from 'zod';
import { ERROR_MESSAGES, type FaceAuthErrorCode } from '../faceauth/codes';
import { FaceAuthResultSchema } from '../faceauth/result';
import { CredentialsSchema } from './session';

/** Why an operator overrode the station: a fixed list for reporting, plus free text. */
export const OVERRIDE_REASONS = [
  'poor_image_quality',
  'appearance_changed',
  'identity_confirmed_by_document',
  'suspected_impostor',
  'equipment_issue',
  'other',
] as const;

export const OverrideViewSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  reasonCode: z.string(),
  reasonText: z.string(),
  byOperatorId: z.string(),
  /** Who authorised it, by name: the approving supervisor (or the operator, for a rejection). */
  byOperatorName: z.string().nullable(),
  at: z.string(),
});

export const CentralVerdictViewSchema = z.object({
  authStatus: z.enum(['approved', 'rejected']),
  faceSimilarityScore: z.number().nullable(),
  receivedAt: z.string(),
});

export const ResultViewSchema = z.object({
  authenticationId: z.string(),
  submissionId: z.string(),
  result: FaceAuthResultSchema,
  recordedAt: z.string(),
  operatorId: z.string().nullable(),
  /** The desk operator's display name. */
  operatorName: z.string().nullable(),
  overrides: z.array(OverrideViewSchema),
  /** The decision that stands: the last override, else the station's verdict. */
  finalStatus: z.enum(['approved', 'rejected']),
  central: CentralVerdictViewSchema.nullable(),
  /** The central API decided differently from the station: a supervisor should look. */
  disagreement: z.boolean(),
  synced: z.boolean(),
  hasCapturedImage: z.boolean(),
  /** When retention deleted the captured photo (after sync, or after N days); null if kept. */
  imagePurgedAt: z.string().nullable(),
});

/** A verification that ended in a FaceAuth error: no result, no photo, only who, when and why. */
export const ErrorAttemptViewSchema = z.object({
  attemptId: z.string(),
  submissionId: z.string(),
  errorCode: z.enum(Object.keys(ERROR_MESSAGES) as [FaceAuthErrorCode]),
  recordedAt: z.string(),
  operatorId: z.string().nullable(),
  operatorName: z.string().nullable(),
});

export const ResultFilterSchema = z
  .object({
    /** Any part of the id, any case. */
    submissionId: z.string().trim().max(128).optional(),
    operatorId: z.string().max(64).optional(),
    /** Any part of the operator's name or username, any case. */
    operator: z.string().trim().max(100).optional(),
    /** `error`: only the attempts that ended in a FaceAuth error; none given: results and errors. */
    status: z.enum(['approved', 'rejected', 'error']).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const OverrideRequestSchema = z
  .object({
    authenticationId: z.string().min(1).max(64),
    decision: z.enum(['approved', 'rejected']),
    reasonCode: z.enum(OVERRIDE_REASONS),
    /** What the operator checked: required, so every override explains itself. */
    reasonText: z.string().trim().min(1).max(500),
    /** Required when a rejection becomes an approval: a supervisor types their credentials. */
    supervisor: CredentialsSchema.optional(),
  })
  .strict();

export type ResultView = z.infer<typeof ResultViewSchema>;
export type ErrorAttemptView = z.infer<typeof ErrorAttemptViewSchema>;
export type ResultFilter = z.input<typeof ResultFilterSchema>;
export type OverrideRequest = z.infer<typeof OverrideRequestSchema>;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

export const resultMethods = {
  'results:search': {
    request: ResultFilterSchema,
    response: z.object({
      rows: z.array(ResultViewSchema),
      errors: z.array(ErrorAttemptViewSchema),
    }),
  },
  'results:detail': {
    request: z.object({ authenticationId: z.string().min(1).max(64) }).strict(),
    response: z.object({
      result: ResultViewSchema,
      capturedImage: z.instanceof(Uint8Array).nullable(),
    }),
  },
  'results:override': { request: OverrideRequestSchema, response: ResultViewSchema },
  'results:disagreements': {
    request: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ rows: z.array(ResultViewSchema) }),
  },
  'results:reviewDisagreement': {
    request: z.object({ authenticationId: z.string().min(1).max(64) }).strict(),
    response: z.object({ reviewed: z.boolean() }),
  },
  'results:exportCsv': {
    request: ResultFilterSchema,
    response: z.object({ csv: z.string(), rows: z.number().int() }),
  },
};
