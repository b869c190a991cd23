// The central API's response shapes as the station reads them. FOUND fields follow
// ../shared/argos-faceauth.md; the envelopes and the cf echo are ASSUMED and listed in
// docs/argos-assumptions.md (the local simulator serves exactly these shapes).
import { z } from 'zod';
import { ProjectPolicySchema } from '../../src-shared/faceauth/policy';

/** GET /v3/submission items (FOUND fields); extra fields are ignored. */
export const SubmissionItemSchema = z.object({
  submission_id: z.string().min(1),
  created_at: z.string(),
  kyc_result_at: z.string().nullable().optional(),
  kyc: z.object({ result: z.string().min(1) }),
});

/** ASSUMED envelope: `{items, nextpage: {nextpage_id, nextpage_date}}` when more pages exist. */
export const SubmissionPageSchema = z.object({
  items: z.array(SubmissionItemSchema),
  nextpage: z.object({ nextpage_id: z.string(), nextpage_date: z.string() }).optional(),
});

/** GET /v3/faceauth items (FOUND names, which differ from the POST response's). */
export const FaceAuthListItemSchema = z.object({
  policy: ProjectPolicySchema.optional(),
  auth_id: z.string().min(1),
  auth_status: z.enum(['approved', 'rejected']),
  create_time: z.string(),
  kyc_submission_id: z.string(),
  delete_check: z.boolean().optional(),
  result: z.object({ face_similarity: z.number().optional() }).passthrough().optional(),
  reject_comment: z.array(z.string()).optional(),
  // ASSUMED: listing items echo the custom fields (the docs say only that webhooks do).
  cf1: z.string().nullable().optional(),
  cf2: z.string().nullable().optional(),
  cf3: z.string().nullable().optional(),
});

/** ASSUMED envelope: `{items, nextPage_key: {authId, createTime}}` (nextPage_key FOUND). */
export const FaceAuthPageSchema = z.object({
  items: z.array(FaceAuthListItemSchema),
  nextPage_key: z.object({ authId: z.string(), createTime: z.string() }).optional(),
});

export const StationEventsReplySchema = z.object({
  accepted: z.number().int().nonnegative(),
  duplicate: z.boolean().optional(),
});

export type SubmissionItem = z.infer<typeof SubmissionItemSchema>;
export type SubmissionPage = z.infer<typeof SubmissionPageSchema>;
export type FaceAuthListItem = z.infer<typeof FaceAuthListItemSchema>;
export type FaceAuthPage = z.infer<typeof FaceAuthPageSchema>;
