// The desk's main flow: check a submission id, then verify a captured face against it.
import { z } from 'zod';
import { FaceAuthErrorSchema, FaceAuthResultSchema } from '../faceauth/result';
import { ProjectPolicySchema } from '../faceauth/policy';
import { AnalyzeFrameRequestSchema } from './frame';

/** Typed, scanned from a barcode (a keyboard wedge) or read from a QR code. */
export const SubmissionIdSchema = z
  .string()
  .trim()
  .min(1, 'Enter a submission id')
  .max(128)
  .regex(
    /^[A-Za-z0-9._:-]+$/,
    'A submission id has letters, digits, dots, dashes, colons or underscores',
  );

export const SubmissionCheckSchema = z.object({
  submissionId: z.string(),
  /** Cached status as last seen from the central API, or null when unknown here. */
  status: z.string().nullable(),
  /** The FaceAuth error a verification would answer now, or null when it may proceed. */
  error: FaceAuthErrorSchema.nullable(),
  policy: ProjectPolicySchema.nullable(),
  /** A small reference picture for the operator, when retention keeps one. */
  thumbnail: z.instanceof(Uint8Array).nullable(),
  demo: z.boolean(),
});

export const VerifyOutcomeSchema = z.object({
  outcome: z.union([FaceAuthResultSchema, FaceAuthErrorSchema]),
  /** The local record, present when a result (not an error) was stored. */
  authenticationId: z.string().nullable(),
  /** Capture-to-decision time inside main, for the latency benchmark and the console. */
  latencyMs: z.number().nonnegative(),
});

export type SubmissionCheck = z.infer<typeof SubmissionCheckSchema>;
export type VerifyOutcome = z.infer<typeof VerifyOutcomeSchema>;

export const verifyMethods = {
  'submission:check': {
    request: z
      .object({
        submissionId: SubmissionIdSchema,
        /**
         * True only for the desk's own check (the operator pressed Enter/Check on Verify): an id
         * the station refuses is then listed in History as a failed attempt, as verify:capture
         * lists it. Other checks (a History card's reference picture, the verdict restored after
         * a reload) leave it out, so looking at History never adds attempts to it.
         */
        recordAttempt: z.boolean().default(false),
      })
      .strict(),
    response: SubmissionCheckSchema,
  },
  'verify:capture': {
    request: AnalyzeFrameRequestSchema.extend({ submissionId: SubmissionIdSchema }).strict(),
    response: VerifyOutcomeSchema,
  },
};
