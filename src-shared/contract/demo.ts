// Demo mode: with nothing configured, the station runs a local ARGOS-compatible simulator and
// lets a newcomer enroll DEMO submissions from the camera. Demo data never goes to a real API.
import { z } from 'zod';
import { AnalyzeFrameRequestSchema } from './frame';

export const DemoStatusSchema = z.object({
  active: z.boolean(),
  submissions: z.array(
    z.object({ submissionId: z.string(), displayName: z.string(), status: z.string() }),
  ),
});

export const demoMethods = {
  'demo:status': { request: z.object({}).strict(), response: DemoStatusSchema },
  'demo:enroll': {
    request: AnalyzeFrameRequestSchema.extend({
      displayName: z.string().trim().min(1).max(60),
    }).strict(),
    response: z.object({ submissionId: z.string() }),
  },
  'demo:revoke': {
    request: z.object({ submissionId: z.string().min(1).max(128) }).strict(),
    response: DemoStatusSchema,
  },
};

export type DemoStatus = z.infer<typeof DemoStatusSchema>;
